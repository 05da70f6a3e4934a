import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import { ZERO_UUID } from './machine-factory';
import { hexAddr, type DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import { startPacer, type Pacer } from './pacer';
import { Prng } from './prng';
import { WORKFLOWS, stageAndBootEnvAt, workflowByName } from './workflows';
import { buildJob, buildLease, buildLogLine, buildServeRecord, goTime } from './workload-objects';

export interface WorkloadDeps {
  store: ObjectStore;
  /** For pseudo types that are not stored (log, static, tftp). */
  publish: (event: DrpEvent) => void;
  clock: Clock;
  seed: number;
}

/** One planned server write; returns false when it had nothing to do (e.g. the machine is gone). */
type Step = () => boolean;

/** Jobs kept per machine before the oldest are purged (`jobs.delete`, §5). */
const JOBS_PER_MACHINE = 4;

const LOG_MESSAGES: ReadonlyArray<[service: string, level: string, file: string, message: string]> = [
  ['frontend', 'info', 'frontend/machines.go', 'PATCH /api/v3/machines from runner'],
  ['frontend', 'debug', 'frontend/frontend.go', 'API: st: 200 m: GET /api/v3/machines/<uuid>'],
  ['backend', 'info', 'backend/jobs.go', 'Job finished, advancing machine'],
  ['dhcp', 'info', 'midlayer/dhcp.go', 'Handling DHCPREQUEST from client'],
  ['dhcp', 'debug', 'midlayer/dhcp.go', 'Lease renewed'],
  ['static', 'debug', 'midlayer/static.go', 'Serving file'],
  ['plugin', 'warn', 'midlayer/plugin.go', 'ipmi: BMC slow to answer, retrying'],
  ['backend', 'error', 'backend/dataTracker.go', 'Param validation failed for machine'],
];

const STATIC_FILES = [
  '/sledgehammer/vmlinuz0',
  '/sledgehammer/stage1.img',
  '/centos-8/install/images/pxeboot/initrd.img',
  '/machines/<uuid>/compute.ks',
];
const TFTP_FILES = ['lpxelinux.0', 'ipxe.efi', 'pxelinux.cfg/<hex>', 'ldlinux.c32'];

/**
 * Seeded background traffic: machines walking their workflows (docs/reference/drp-protocol.md §6.1: about 4-8
 * events per task), DHCP lease saves, log lines and file serves. Every `step()` makes exactly one
 * event, and the sequence depends only on the seed and the store contents, so a run can be replayed.
 */
export class Workload {
  private readonly rng: Prng;
  private readonly queue: Step[] = [];
  private readonly machineKeys: string[];
  private readonly jobKeys: string[] = [];
  private logSeq = 1;
  private pacer: Pacer | undefined;
  rate = 0;

  constructor(private readonly deps: WorkloadDeps) {
    // Offset from the seed-object stream so adding a seed object does not reshuffle the workload.
    this.rng = new Prng((deps.seed ^ 0x5eed1e55) >>> 0);
    this.machineKeys = deps.store.list('machines').map((m) => m.Uuid as string);
  }

  /** Runs until one event has been emitted. */
  step(): void {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (this.queue.length === 0) this.plan();
      const next = this.queue.shift();
      if (next && next()) return;
    }
    this.log('backend', 'warn', 'backend/sim.go', 'workload had nothing to do', 'system');
  }

  /** Background events per second; 0 stops. */
  setRate(rate: number): void {
    this.pacer?.stop();
    this.pacer = undefined;
    this.rate = Math.max(0, rate);
    if (this.rate > 0) this.pacer = startPacer({ rate: this.rate, maxLagMs: 1000, emit: () => this.step() });
  }

  stop(): void {
    this.setRate(0);
  }

  private now(): number {
    return this.deps.clock.nowMs();
  }

  private plan(): void {
    const roll = this.rng.next();
    const machine = this.machineKeys.length > 0 ? this.rng.pick(this.machineKeys) : undefined;
    if (!machine || roll < 0.15) this.planLog();
    else if (roll < 0.65) this.planTask(machine);
    else if (roll < 0.77) this.planLease(machine);
    else if (roll < 0.87) this.planServe(machine);
    else this.planParam(machine);
  }

  private machine(uuid: string): DrpObject | undefined {
    return this.deps.store.get('machines', uuid);
  }

  private updateMachine(uuid: string, change: (m: DrpObject) => DrpObject): boolean {
    const current = this.machine(uuid);
    if (!current) return false;
    this.deps.store.replace('machines', uuid, change(current), `runner:${uuid}`);
    return true;
  }

  private planTask(uuid: string): void {
    const m = this.machine(uuid);
    if (!m) return;
    const workflow = workflowByName(m.Workflow as string);
    const next = (m.CurrentTask as number) + 1;
    if (m.WorkflowComplete === true) {
      const others = WORKFLOWS.filter((w) => w.name !== workflow.name);
      const target = this.rng.pick(others);
      const { stage, bootEnv } = stageAndBootEnvAt(target, 0);
      this.queue.push(
        () =>
          this.updateMachine(uuid, (cur) => ({
            ...cur,
            Workflow: target.name,
            Tasks: [...target.tasks],
            CurrentTask: -1,
            WorkflowComplete: false,
            Stage: stage,
            BootEnv: bootEnv,
            OS: target.os || cur.OS,
          })),
        () =>
          this.log(
            'frontend',
            'info',
            'frontend/machines.go',
            `Machine ${m.Name as string} switched to workflow ${target.name}`,
            'user:rocketskates',
          ),
      );
      return;
    }
    if (next >= workflow.tasks.length) {
      this.queue.push(() => this.updateMachine(uuid, (cur) => ({ ...cur, WorkflowComplete: true, CurrentTask: workflow.tasks.length })));
      return;
    }
    const task = workflow.tasks[next];
    const { stage, bootEnv } = stageAndBootEnvAt(workflow, next);
    if (task.startsWith('stage:') || task.startsWith('bootenv:')) {
      // Stage and bootenv markers change the machine without running a job.
      this.queue.push(() => this.updateMachine(uuid, (cur) => ({ ...cur, CurrentTask: next, Stage: stage, BootEnv: bootEnv })));
      return;
    }
    this.planJob(uuid, m, task, next, stage, bootEnv, workflow.name);
  }

  private planJob(uuid: string, m: DrpObject, task: string, index: number, stage: string, bootEnv: string, workflow: string): void {
    const jobUuid = this.rng.uuid();
    const previous = (m.CurrentJob as string) || ZERO_UUID;
    const fails = this.rng.chance(0.04);
    const touchesParam = task === 'set-hostname' || task === 'drp-agent' || this.rng.chance(0.2);
    const store = this.deps.store;
    this.queue.push(() => {
      store.create('jobs', buildJob({ uuid: jobUuid, previous, machine: uuid, task, stage, workflow, bootEnv, index }), `runner:${uuid}`);
      this.jobKeys.push(jobUuid);
      return true;
    });
    this.queue.push(() =>
      this.log(
        'frontend',
        'info',
        'frontend/jobs.go',
        `Created job ${jobUuid} for task ${task} on machine ${m.Name as string}`,
        `runner:${uuid}`,
      ),
    );
    this.queue.push(() => this.updateMachine(uuid, (cur) => ({ ...cur, CurrentJob: jobUuid, CurrentTask: index })));
    this.queue.push(() => {
      // The previous job stops being current through an internal write: `save` (§5, `AfterSave`).
      const prev = store.get('jobs', previous);
      if (!prev) return false;
      store.save('jobs', { ...prev, Current: false }, `runner:${uuid}`);
      return true;
    });
    this.queue.push(() => this.updateJob(jobUuid, uuid, { State: 'running', StartTime: goTime(this.now()) }));
    if (touchesParam) {
      this.queue.push(() =>
        this.updateMachine(uuid, (cur) => ({ ...cur, Params: { ...(cur.Params as DrpObject), ...this.taskParam(task, cur) } })),
      );
    }
    if (fails) {
      this.queue.push(() => this.updateJob(jobUuid, uuid, { State: 'failed', ExitState: 'failed', EndTime: goTime(this.now()) }));
      this.queue.push(() =>
        this.updateMachine(uuid, (cur) => ({ ...cur, CurrentTask: index - 1, RetryTaskAttempt: (cur.RetryTaskAttempt as number) + 1 })),
      );
    } else {
      this.queue.push(() => this.updateJob(jobUuid, uuid, { State: 'finished', ExitState: 'complete', EndTime: goTime(this.now()) }));
    }
    this.queue.push(() => this.purgeOldJob());
  }

  private updateJob(jobUuid: string, machine: string, change: DrpObject): boolean {
    const job = this.deps.store.get('jobs', jobUuid);
    if (!job) return false;
    this.deps.store.replace('jobs', jobUuid, { ...job, ...change }, `runner:${machine}`);
    return true;
  }

  private purgeOldJob(): boolean {
    if (this.jobKeys.length <= Math.max(1, this.machineKeys.length) * JOBS_PER_MACHINE) return false;
    const oldest = this.jobKeys.shift() as string;
    if (!this.deps.store.get('jobs', oldest)) return false;
    this.deps.store.remove('jobs', oldest, 'system');
    return true;
  }

  private taskParam(task: string, m: DrpObject): DrpObject {
    if (task === 'set-hostname') return { hostname: (m.Name as string).split('.')[0] };
    if (task === 'drp-agent') return { 'drp-agent/version': `v4.14.${this.rng.int(0, 9)}` };
    return { 'last-task-result': { task, rc: 0, at: goTime(this.now()) } };
  }

  private planLease(uuid: string): void {
    const m = this.machine(uuid);
    if (!m) return;
    const address = m.Address as string;
    const mac = (m.HardwareAddrs as string[])[0] ?? '';
    const state = this.rng.pick(['OFFER', 'ACK', 'ACK']);
    this.queue.push(() => {
      this.deps.store.save('leases', buildLease(address, mac, this.now(), state), 'dhcp');
      return true;
    });
    if (this.rng.chance(0.3)) {
      this.queue.push(() => this.log('dhcp', 'debug', 'midlayer/dhcp.go', `Lease ${hexAddr(address)} ${state} for ${mac}`, 'dhcp'));
    }
  }

  private planServe(uuid: string): void {
    const m = this.machine(uuid);
    if (!m) return;
    const tftp = this.rng.chance(0.4);
    const template = this.rng.pick(tftp ? TFTP_FILES : STATIC_FILES);
    const url = template.replace('<uuid>', uuid).replace('<hex>', hexAddr(m.Address as string));
    const bytes = this.rng.int(800, 60_000_000);
    const durationMs = this.rng.int(2, 4000);
    this.queue.push(() => {
      const now = this.now();
      const type = tftp ? 'tftp' : 'static';
      this.deps.publish({
        Time: this.deps.clock.timestamp(),
        Type: type,
        Action: 'serve',
        Key: url,
        Principal: type,
        Object: buildServeRecord(url, m.Address as string, now, durationMs, bytes),
        Original: null,
      });
      return true;
    });
  }

  private planParam(uuid: string): void {
    const power = this.rng.pick(['on', 'off']);
    const byUser = this.rng.chance(0.3);
    this.queue.push(() => {
      const m = this.machine(uuid);
      if (!m) return false;
      const params = { ...(m.Params as DrpObject), 'ipmi/power-state': power, 'drp-agent/last-seen': goTime(this.now()) };
      this.deps.store.replace('machines', uuid, { ...m, Params: params }, byUser ? 'user:rocketskates' : `runner:${uuid}`);
      return true;
    });
  }

  private planLog(): void {
    const [service, level, file, message] = this.rng.pick(LOG_MESSAGES);
    const principal = this.rng.pick(['user:rocketskates', 'system', service]);
    this.queue.push(() => this.log(service, level, file, message, principal));
  }

  private log(service: string, level: string, file: string, message: string, principal: string): boolean {
    const seq = this.logSeq++;
    const object = buildLogLine({
      group: 4000 + Math.floor(seq / 7),
      seq,
      nowMs: this.now(),
      service,
      principal,
      level,
      file,
      line: 100 + (seq % 300),
      message,
    });
    this.deps.publish({
      Time: this.deps.clock.timestamp(),
      Type: 'log',
      Action: level,
      Key: service,
      Principal: principal,
      Object: object,
      Original: null,
    });
    return true;
  }
}
