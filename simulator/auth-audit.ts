import type { DrpEvent } from '../src/protocol/event';
import type { BasicAttempt } from './auth';
import type { Clock } from './clock';
import { buildLogLine } from './workload-objects';

/** DRP's audit messages for a Basic attempt (`frontend/frontend.go` `userAuth`, v3). */
const MESSAGES: Readonly<Record<BasicAttempt['outcome'], string>> = {
  authenticated: 'Authenticated user %s from %s',
  'no-user': 'Failed Authenticated (no user) user %s from %s',
  'bad-password': 'Failed Authenticated (bad password) user %s from %s',
};

/**
 * The `log.audit.frontend` event a real endpoint publishes for every Basic-auth request, the
 * inspector's own login and preflight among them (`rt.Auditf(...)` in `userAuth`). The Object is a
 * `logger.Line` (Group, Seq, Time, Service, Principal, Level, File, Line, Message, Data,
 * IgnorePublish), as the workload's log lines are.
 *
 * Not confirmed from public code: the line's `Principal` (the request logger gets its principal
 * only after this line is written, so it is left empty), the `Group`/`Seq` numbering (a per-request
 * group and a global sequence are assumed), and the exact `File`/`Line` (the v3 file is named, the
 * line number is a stand-in).
 */
export class FrontendAudit {
  private seq = 1;
  private group = 1;

  constructor(
    private readonly publish: (event: DrpEvent) => void,
    private readonly clock: Clock,
  ) {}

  /** Publishes the audit line for `attempt`, if the request tried Basic auth at all. */
  record(attempt: BasicAttempt | undefined, clientIp: string): void {
    if (!attempt) return;
    const message = MESSAGES[attempt.outcome].replace('%s', attempt.name).replace('%s', clientIp);
    const object = buildLogLine({
      group: this.group++,
      seq: this.seq++,
      nowMs: this.clock.nowMs(),
      service: 'frontend',
      principal: '',
      level: 'audit',
      file: 'frontend/frontend.go',
      line: attempt.outcome === 'authenticated' ? 337 : 327,
      message,
    });
    this.publish({
      Time: this.clock.timestamp(),
      Type: 'log',
      Action: 'audit',
      Key: 'frontend',
      Principal: '',
      Object: object,
      Original: null,
    });
  }
}

/** gin's `c.ClientIP()` without proxy headers: the peer address, IPv4-mapped addresses unwrapped. */
export function clientIpOf(remoteAddress: string | undefined): string {
  const address = remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
