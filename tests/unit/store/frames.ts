/** Frame builders for store tests: the wire format of docs/reference/drp-protocol.md §4.1 and the ack of §2.3. */
export function eventFrame(type: string, action: string, key: string, object: unknown = { Name: key }, original: unknown = null): string {
  return JSON.stringify({
    Time: '2021-08-30T14:01:59.100000001Z',
    Type: type,
    Action: action,
    Key: key,
    Principal: 'user:rocketskates',
    Object: object,
    Original: original,
  });
}

export function ackFrame(verb: 'register' | 'deregister', spec: string): string {
  return JSON.stringify({
    Time: '2021-08-30T14:01:59.1Z',
    Type: 'websocket',
    Action: verb,
    Key: spec,
    Principal: '',
    Object: null,
    Original: null,
  });
}
