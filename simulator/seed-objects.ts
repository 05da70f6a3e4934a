import { decodeIntoModel } from './model-fields';
import { WORKFLOWS } from './workflows';
import { embeddedModelFields, type DrpObject } from './model-keys';

/**
 * The non-machine content a fresh simulator starts with. Written here rather than loaded from
 * files so the simulator runs anywhere; shapes follow tests/fixtures/drp-objects and
 * docs/reference/drp-protocol.md §6.
 */

/**
 * The `global` profile of the docs' websocket walkthrough (fixtures/seed-events.jsonl) without
 * `bar`: the seed walkthrough adds `Params.bar = "blatz"` and removes it again.
 */
export function globalProfile(): DrpObject {
  return {
    ...embeddedModelFields(),
    Meta: { color: 'blue', icon: 'world', title: 'Digital Rebar Provision' },
    Partial: false,
    Name: 'global',
    Description: 'Global profile attached automatically to all machines.',
    Documentation: '',
    Params: {
      'change-stage/map': {
        'centos-8-install': 'packet-ssh-keys:Success',
        discover: 'packet-discover:Success',
        'packet-discover': 'centos-8-install:Reboot',
        'packet-ssh-keys': 'complete-nowait:Success',
      },
      'kernel-console': 'console=ttyS1,115200',
    },
    Profiles: [],
  };
}

function profile(name: string, description: string, params: Record<string, unknown>): DrpObject {
  return { Partial: false, Name: name, Description: description, Documentation: '', Params: params, Profiles: [] };
}

export function seedProfiles(machineCount: number): DrpObject[] {
  const racks = Math.max(1, Math.ceil(machineCount / 40));
  return [
    globalProfile(),
    profile('site-dc1', 'Site DC1 defaults', { 'ntp-servers': ['10.0.0.1', '10.0.0.2'], 'dns-domain': 'lab.example.com' }),
    ...Array.from({ length: racks }, (_, i) =>
      profile(`rack-r${10 + i}`, `Rack r${10 + i}`, { 'rack/name': `r${10 + i}`, 'rack/switch': `tor-r${10 + i}.lab.example.com` }),
    ),
  ];
}

export function seedWorkflows(): DrpObject[] {
  return WORKFLOWS.map((w) => ({
    Name: w.name,
    Description: `${w.name} workflow`,
    Documentation: '',
    Stages: w.tasks.filter((t) => t.startsWith('stage:')).map((t) => t.slice('stage:'.length)),
  }));
}

export function seedStages(): DrpObject[] {
  const names = new Set(WORKFLOWS.flatMap((w) => w.tasks.filter((t) => t.startsWith('stage:')).map((t) => t.slice(6))));
  // The model's zero values (model-fields.ts), as if each stage had been POSTed with a name.
  return [...names].map((name) => decodeIntoModel('stages', { Name: name, RunnerWait: true }));
}

export function seedParams(): DrpObject[] {
  return [
    { Name: 'kernel-console', Description: 'Kernel console arguments', Documentation: '', Secure: false, Schema: { type: 'string' } },
    {
      Name: 'ntp-servers',
      Description: 'NTP servers',
      Documentation: '',
      Secure: false,
      Schema: { type: 'array', items: { type: 'string', format: 'ipv4' } },
    },
    { Name: 'gohai-inventory', Description: 'Inventory gathered by gohai', Documentation: '', Secure: false, Schema: { type: 'object' } },
  ];
}

export function seedSubnets(): DrpObject[] {
  return [
    {
      Name: 'lab-10-10',
      Description: '',
      Documentation: '',
      Enabled: true,
      Proxy: false,
      Unmanaged: false,
      Subnet: '10.10.0.0/16',
      ActiveStart: '10.10.10.11',
      ActiveEnd: '10.10.40.250',
      ActiveLeaseTime: 60,
      ReservedLeaseTime: 7200,
      OnlyReservations: false,
      Strategy: 'MAC',
      Pickers: ['hint', 'nextFree', 'mostExpired'],
      NextServer: '10.10.0.2',
      Options: [
        { Code: 1, Value: '255.255.0.0' },
        { Code: 3, Value: '10.10.0.1' },
      ],
    },
  ];
}
