/**
 * The workflows the simulated machines run: task lists as DRP expands them, with `stage:` and
 * `bootenv:` markers (docs/reference/drp-protocol.md §6, machine `Tasks`).
 */
export interface WorkflowDef {
  name: string;
  os: string;
  tasks: readonly string[];
}

export const WORKFLOWS: readonly WorkflowDef[] = [
  {
    name: 'discover-base',
    os: '',
    tasks: [
      'stage:discover',
      'bootenv:sledgehammer',
      'enforce-sledgehammer',
      'set-machine-ip-in-sledgehammer',
      'reserve-dhcp-address',
      'ssh-access',
      'gohai',
      'stage:sledgehammer-wait',
    ],
  },
  {
    name: 'centos-8-base',
    os: 'centos-8',
    tasks: [
      'stage:centos-8-install',
      'bootenv:centos-8-install',
      'centos-drp-only-repos',
      'set-hostname',
      'ssh-access',
      'drp-agent',
      'stage:complete',
      'bootenv:local',
    ],
  },
  {
    name: 'ubuntu-20.04-base',
    os: 'ubuntu-20.04',
    tasks: [
      'stage:ubuntu-20.04-install',
      'bootenv:ubuntu-20.04-install',
      'ubuntu-drp-only-repos',
      'set-hostname',
      'ssh-access',
      'drp-agent',
      'stage:complete',
      'bootenv:local',
    ],
  },
];

export function workflowByName(name: string): WorkflowDef {
  return WORKFLOWS.find((w) => w.name === name) ?? WORKFLOWS[0];
}

/** The stage and bootenv in force at a task index: the last markers at or before it. */
export function stageAndBootEnvAt(workflow: WorkflowDef, index: number): { stage: string; bootEnv: string } {
  let stage = 'none';
  let bootEnv = 'local';
  for (let i = 0; i <= index && i < workflow.tasks.length; i++) {
    const task = workflow.tasks[i];
    if (task.startsWith('stage:')) stage = task.slice('stage:'.length);
    if (task.startsWith('bootenv:')) bootEnv = task.slice('bootenv:'.length);
  }
  return { stage, bootEnv };
}
