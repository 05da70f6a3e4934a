import { embeddedModelFields, type DrpObject } from './model-keys';

/**
 * Each stored model's own top-level fields with Go's zero values after the server's `Fill()`
 * (nil slices and maps filled as empty, per `models/*.go`; docs/reference/drp-protocol.md §4.3).
 * DRP decodes a REST body into its model struct, so an event's Object carries every one of these
 * fields and nothing else. The field sets follow v4.8 as the simulator's seed objects have them;
 * defaults that a server sets beyond `Fill()` (a machine's `CurrentTask` of -1, say) are not
 * confirmed from public code and are left at the zero value.
 */

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

const DOCUMENTED = { Description: '', Documentation: '' };

const MODEL_FIELDS: Readonly<Partial<Record<string, () => DrpObject>>> = {
  machines: () => ({
    Partial: false,
    Name: '',
    Description: '',
    Uuid: '',
    CurrentJob: '',
    Address: '',
    Stage: '',
    BootEnv: '',
    Profiles: [],
    Params: {},
    Tasks: [],
    CurrentTask: 0,
    RetryTaskAttempt: 0,
    TaskErrorStacks: [],
    Runnable: false,
    Secret: '',
    OS: '',
    HardwareAddrs: [],
    Workflow: '',
    Arch: '',
    Locked: false,
    Context: '',
    // `[]byte` fields are nil in a zero struct, and Go marshals nil as null.
    Fingerprint: { SSNHash: null, CSNHash: null, CloudInstanceID: '', SystemUUID: '', MemoryIds: null },
    Pool: '',
    PoolAllocated: false,
    PoolStatus: '',
    WorkflowComplete: false,
    WorkOrderMode: false,
  }),
  jobs: () => ({
    Uuid: '',
    Previous: '',
    Machine: '',
    Task: '',
    Stage: '',
    Context: '',
    State: '',
    ExitState: '',
    StartTime: GO_ZERO_TIME,
    EndTime: GO_ZERO_TIME,
    Archived: false,
    Current: false,
    CurrentIndex: 0,
    NextIndex: 0,
    Workflow: '',
    BootEnv: '',
  }),
  profiles: () => ({ Partial: false, Name: '', ...DOCUMENTED, Params: {}, Profiles: [] }),
  params: () => ({ Name: '', ...DOCUMENTED, Secure: false, Schema: null }),
  stages: () => ({
    Name: '',
    ...DOCUMENTED,
    BootEnv: '',
    Partial: false,
    Params: {},
    Profiles: [],
    OptionalParams: [],
    RequiredParams: [],
    Reboot: false,
    RunnerWait: false,
    Tasks: [],
    Templates: [],
  }),
  workflows: () => ({ Name: '', ...DOCUMENTED, Stages: [] }),
  tasks: () => ({ Name: '', ...DOCUMENTED, Templates: [], RequiredParams: [], OptionalParams: [] }),
  bootenvs: () => ({
    Name: '',
    ...DOCUMENTED,
    OS: { Name: '', Family: '', Codename: '', Version: '', IsoFile: '', IsoSha256: '', IsoUrl: '', SupportedArchitectures: {} },
    Templates: [],
    Kernel: '',
    Initrds: [],
    BootParams: '',
    RequiredParams: [],
    OptionalParams: [],
    OnlyUnknown: false,
  }),
  subnets: () => ({
    Name: '',
    ...DOCUMENTED,
    Enabled: false,
    Proxy: false,
    Unmanaged: false,
    Subnet: '',
    ActiveStart: '',
    ActiveEnd: '',
    ActiveLeaseTime: 0,
    ReservedLeaseTime: 0,
    OnlyReservations: false,
    Strategy: '',
    Pickers: [],
    NextServer: '',
    Options: [],
  }),
  leases: () => ({
    Addr: '',
    NextServer: '',
    Via: '',
    Token: '',
    Duration: 0,
    ExpireTime: GO_ZERO_TIME,
    Strategy: '',
    State: '',
    Options: [],
    ProvidedOptions: [],
    SkipBoot: false,
  }),
  reservations: () => ({
    Addr: '',
    ...DOCUMENTED,
    Token: '',
    Subnet: '',
    NextServer: '',
    Options: [],
    Strategy: '',
    Scoped: false,
    Duration: 0,
  }),
};

/**
 * A REST body as DRP's decoder and `Fill()` leave it: every model field present (the body's value
 * where it sent one, else the zero value), unknown top-level fields gone. The validation fields are
 * the server's verdict, not the client's: a stored object has passed validation. Types without a
 * field list keep the body's fields over the embedded ones.
 */
export function decodeIntoModel(type: string, body: DrpObject): DrpObject {
  const fields = MODEL_FIELDS[type];
  const decoded: DrpObject = { ...embeddedModelFields(), ...(fields ? fields() : {}) };
  for (const [name, value] of Object.entries(body)) {
    if (fields && !Object.hasOwn(decoded, name)) continue;
    // null into a slice or map is nil, which `Fill()` makes empty; into a struct it is the zero struct.
    const zero = decoded[name];
    if (value === null && typeof zero === 'object' && zero !== null) continue;
    decoded[name] = value;
  }
  return { ...decoded, Validated: true, Available: true, Errors: [] };
}
