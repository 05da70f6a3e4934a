import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import { ZERO_UUID } from './machine-factory';
import type { DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import { startPacer, type Pacer } from './pacer';
import { Prng } from './prng';
import { WORKFLOWS, stageAndBootEnvAt, workflowByName } from './workflows';
import { planAdmin, type AdminState } from './workload-admin-schedule';
import { planDhcp, planServe } from './workload-boot';
import type { PlanContext, Step } from './workload-context';
import { LogWriter } from './workload-logs';
import { buildJob, goTime } from './workload-objects';
import { planMachineAction } from './workload-plugins';

export interface WorkloadDeps {
  store: ObjectStore;
  /** For pseudo types that are not stored (log, static, tftp). */
  publish: (event: DrpEvent) => void;
  clock: Clock;
  seed: number;
}

/** Jobs kept per machine before the oldest are purged (`jobs.delete`, §5). */
const JOBS_PER_MACHINE = 4;

/**
 * Seeded background traffic: machines walking their workflows (docs/reference/drp-protocol.md §6.1: about 4-8
 * events per task), DHCP, file serves, plugin actions, log lines at every level, and administrative
 * changes (plugins, content, users, v4 types; workload-admin-schedule.ts). Machine and job events stay
 * the bulk, as on a provisioning endpoint. Every `step()` makes exactly one event, and the sequence
 * depends only on the seed and the store contents, so a run can be replayed.
 */
export class Workload {
  private readonly rng: Prng;
  private readonly queue: Step[] = [];
  private readonly machineKeys: string[];
  private readonly jobKeys: string[] = [];
  private readonly logs: LogWriter;
  private readonly ctx: PlanContext;
  private readonly admin: AdminState;
  private pacer: Pacer | undefined;
  rate = 0;

  constructor(private readonly deps: WorkloadDeps) {
    // Offset from the seed-object stream so adding a seed object does not reshuffle the workload.
    this.rng = new Prng((deps.seed ^ 0x5eed1e55) >>> 0);
    this.machineKeys = deps.store.list('machines').map((m) => m.Uuid as string);
    this.logs = new LogWriter(deps.publish, deps.clock);
    this.ctx = { rng: this.rng, store: deps.store, publish: deps.publish, clock: deps.clock, log: this.logs, queue: this.queue };
    this.admin = { cursor: this.rng.int(0, 1000), keys: new Map(), contents: new Set(), providers: new Set(['ipmi']) };
  }

  /** Runs until one event has been emitted. */
  step(): void {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (this.queue.length === 0) this.plan();
      const next = this.queue.shift();
      if (next && next()) return;
    }
    this.logs.write('backend', 'warn', 'backend/sim.go', 'workload had nothing to do', 'system');
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
    if (!machine || roll < 0.13) this.planLog();
    else if (roll < 0.6) this.planTask(machine);
    else if (roll < 0.71) planDhcp(this.ctx, machine);
    else if (roll < 0.8) planServe(this.ctx, machine);
    else if (roll < 0.89) this.planParam(machine);
    else if (roll < 0.92) planMachineAction(this.ctx, machine);
    else planAdmin(this.ctx, this.admin);
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
          this.logs.write(
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
      this.logs.write(
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
    const line = this.logs.random(this.rng);
    this.queue.push(() => this.logs.writeLine(line));
  }
}
