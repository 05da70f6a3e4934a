import type { DrpObject } from './model-keys';
import type { Prng } from './prng';
import { ROLES } from './users';
import { ZERO_TIME, goTime } from './workload-objects';

/**
 * Builders for the administrative objects of the workload. Field sets follow the v4.8 models as far as
 * the public sources show them (docs/reference/drp-protocol.md §5); the v4.8+ types that are not in the
 * public models (work_orders, clusters, resource_brokers, alerts) are constructed from the CLI's and
 * the docs' field names, so treat their shapes as illustrative.
 */

const described = (description: string): DrpObject => ({ Description: description, Documentation: '' });

/** `users`: events carry the stored object, `PasswordHash` included (§4.3, sensitive data). */
export function buildUser(rng: Prng, name: string, roles: readonly string[]): DrpObject {
  return { Name: name, ...described(''), Secret: rng.token(16), PasswordHash: rng.base64(32), ActiveTenant: '', Roles: [...roles] };
}

export function buildRole(name: string): DrpObject {
  const claims = (ROLES[name] ?? [{ scope: 'machines', action: 'get,list', specific: '*' }]).map((c) => ({
    Scope: c.scope,
    Action: c.action,
    Specific: c.specific,
  }));
  return { Name: name, ...described(`${name} role`), Claims: claims };
}

export function buildTenant(name: string, users: readonly string[], machines: readonly string[]): DrpObject {
  return { Name: name, ...described(`${name} tenant`), Users: [...users], Members: { machines: [...machines] } };
}

export function buildPlugin(name: string, provider: string, params: DrpObject): DrpObject {
  return { Name: name, ...described(`${provider} plugin`), Provider: provider, Params: params, PluginErrors: [] };
}

/** The IPMI provider's machine actions; `Command` is what a `machines.<command>` event carries as Action. */
export const IPMI_COMMANDS = ['poweron', 'poweroff', 'powercycle', 'nextbootpxe', 'nextbootdisk', 'identify'] as const;
const IPMI_PARAMS = ['ipmi/username', 'ipmi/password', 'ipmi/address', 'ipmi/mode'];

export function buildPluginProvider(name: string, version: string): DrpObject {
  const actions =
    name === 'ipmi' ? IPMI_COMMANDS.map((c) => ({ Command: c, Model: 'machines', Provider: name, RequiredParams: IPMI_PARAMS })) : [];
  return {
    Name: name,
    Version: version,
    PluginVersion: 4,
    AutoStart: false,
    HasPublish: name === 'ipmi',
    AvailableActions: actions,
    RequiredParams: [],
    OptionalParams: [],
    Content: '',
    Documentation: '',
  };
}

/** `contents.*` carry a content summary, not the pack (v3 `frontend/content.go`, §5). */
export function buildContentSummary(name: string, version: string, counts: Record<string, number>): DrpObject {
  return {
    Meta: { Name: name, Version: version, Source: 'RackN', Type: 'dynamic', Description: `${name} content`, Documentation: '' },
    Counts: counts,
    Warnings: [],
  };
}

export function buildTemplate(id: string, contents: string): DrpObject {
  return { ID: id, ...described(''), StartDelimiter: '', EndDelimiter: '', Contents: contents };
}

export function buildReservation(address: string, mac: string, subnet: string): DrpObject {
  return {
    Addr: address,
    Token: mac,
    Strategy: 'MAC',
    Scoped: true,
    Subnet: subnet,
    NextServer: '10.10.0.2',
    Duration: 7200,
    Options: [{ Code: 3, Value: '10.10.0.1' }],
    Parameter: '',
    Profile: '',
    SkipDAD: false,
    Machine: '',
  };
}

export function buildWorkOrder(rng: Prng, machine: string, blueprint: string, nowMs: number): DrpObject {
  return {
    Uuid: rng.uuid(),
    Machine: machine,
    Blueprint: blueprint,
    State: 'created',
    Status: '',
    Params: {},
    Profiles: [],
    Tasks: [`${blueprint}-task`],
    CurrentTask: -1,
    Stage: '',
    Context: '',
    Runnable: true,
    Archived: false,
    CreateTime: goTime(nowMs),
    StartTime: ZERO_TIME,
    EndTime: ZERO_TIME,
  };
}

/** `clusters` and `resource_brokers` are machine-like (the CLI mirrors the machines CLI). */
export function buildMachineLike(rng: Prng, name: string, role: 'cluster' | 'resource-broker', context: string): DrpObject {
  return {
    Meta: { 'machine-role': role, icon: role === 'cluster' ? 'object group' : 'cloud' },
    Name: name,
    ...described(''),
    Uuid: rng.uuid(),
    Address: '',
    Workflow: role === 'cluster' ? 'cluster-provision' : 'universal-start',
    Stage: 'none',
    BootEnv: 'local',
    Context: context,
    Profiles: [name],
    Params: { [`${role}/count`]: rng.int(1, 12) },
    Tasks: [],
    CurrentTask: -1,
    Runnable: true,
    WorkflowComplete: false,
    WorkOrderMode: true,
  };
}

export function buildAlert(rng: Prng, level: string, name: string, contents: string, nowMs: number): DrpObject {
  return {
    Uuid: rng.uuid(),
    Name: name,
    Level: level,
    Principal: 'system',
    Contents: contents,
    Params: {},
    Note: '',
    Count: 1,
    Acknowledged: false,
    AcknowledgeUser: '',
    AcknowledgeTime: ZERO_TIME,
    Time: goTime(nowMs),
  };
}

export function buildPool(id: string, parent: string): DrpObject {
  return {
    Id: id,
    ...described(`${id} pool`),
    ParentPool: parent,
    EnterActions: null,
    ExitActions: null,
    AllocateActions: null,
    ReleaseActions: null,
  };
}

export function buildEndpoint(id: string, versionSet: string): DrpObject {
  return {
    Id: id,
    ...described(`edge site ${id}`),
    Params: {},
    Arch: 'amd64',
    Os: 'linux',
    DRPVersion: 'v4.8.3',
    DRPUXVersion: 'v4.8.1',
    VersionSet: versionSet,
    VersionSets: [versionSet],
    Apply: false,
    ConnectionStatus: 'Connected',
    Components: [],
    Plugins: [],
  };
}

export function buildVersionSet(id: string): DrpObject {
  return {
    Id: id,
    ...described(''),
    Apply: false,
    DRPVersion: 'v4.8.3',
    DRPUXVersion: 'v4.8.1',
    Components: [{ Name: 'drp-community-content', Version: 'v4.8.0', ActualVersion: 'v4.8.0', Type: 'contentpacks' }],
    Files: [],
    Global: {},
    Plugins: [],
    Prefs: {},
  };
}

export function buildCatalogItem(name: string, version: string): DrpObject {
  return {
    Id: `${name}-${version}`,
    Type: 'catalog_items',
    Name: name,
    Version: version,
    ActualVersion: version,
    ContentType: 'ContentPackage',
    Source: `https://rackn-repo.s3-us-west-2.amazonaws.com/content/${name}/${version}.json`,
    Shasum256: {},
    Tip: false,
    HotFix: false,
  };
}

export function buildContextObject(name: string, image: string): DrpObject {
  return { Name: name, ...described(`${name} context`), Engine: 'docker-context', Image: image };
}
