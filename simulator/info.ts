import { scopesInfo } from './claim-model';

export const SIM_VERSION = 'v4.14.0-sim';

export interface InfoInput {
  port: number;
  address: string;
  machineCount: number;
  hostname: string;
}

/**
 * `GET /api/v3/info` and the `Info` of a token grant, with the lower-case JSON keys of
 * `models/info.go` (docs/reference/drp-protocol.md §1.4). `address` is the server address local to the caller.
 */
export function buildInfo(input: InfoInput): Record<string, unknown> {
  return {
    arch: process.arch === 'x64' ? 'amd64' : process.arch,
    os: process.platform,
    version: SIM_VERSION,
    id: 'drp-simulator',
    local_id: 'drp-simulator',
    ha_id: 'drp-simulator',
    api_port: input.port,
    file_port: 8091,
    secure_file_port: 8090,
    dhcp_port: 67,
    binl_port: 4011,
    tftp_port: 69,
    tftp_enabled: true,
    dhcp_enabled: true,
    binl_enabled: true,
    prov_enabled: true,
    secure_prov_enabled: true,
    address: input.address,
    server_hostname: input.hostname,
    manager: false,
    stats: [
      { name: 'machines.count', count: input.machineCount },
      { name: 'subnets.count', count: 1 },
    ],
    features: [
      'api-v3',
      'sane-exit-codes',
      'common-blob-size',
      'change-stage-map',
      'job-exit-states',
      'package-repository-handling',
      'profileless-machine',
      'secure-params',
      'workflows',
      'event-stream-list-filters',
    ],
    scopes: scopesInfo(),
    License: { Contact: '', Owner: 'simulator', Licenses: [] },
    errors: [],
    // A lone endpoint: HA off, but (since v4.6) a member of a single-node consensus cluster.
    ha_enabled: false,
    ha_virtual_address: '',
    ha_is_active: true,
    ha_status: 'Up',
    ha_active_id: 'drp-simulator',
    ha_passive_state: [],
    ClusterState: clusterState(),
  };
}

/**
 * `models.ClusterState`: the embedded `GlobalHaState` fields (untagged, so capitalised) and `Nodes`
 * (`models/ha-state.go`). What a real single node reports in `Token` and `Roots` (secrets) and in
 * `Nodes` is not confirmed from public code: they are left empty here.
 */
function clusterState(): Record<string, unknown> {
  return {
    LoadBalanced: false,
    Enabled: false,
    ConsensusEnabled: false,
    ConsensusJoin: '',
    VirtAddr: '',
    ServerHostname: '',
    ActiveUri: '',
    Token: '',
    HaID: '',
    Valid: false,
    Roots: [],
    Nodes: [],
  };
}
