import { startBurst } from './burst';
import type { Clock } from './clock';
import type { ControlCommand } from './control';
import type { EventHub } from './event-hub';
import { sendBinary, sendHostile, sendHuge, sendMalformed } from './faults';
import type { ObjectStore } from './object-store';
import type { Pacer } from './pacer';
import { runSeedWalkthrough } from './walkthrough';
import type { Workload } from './workload';

export interface ControlDeps {
  hub: EventHub;
  store: ObjectStore;
  clock: Clock;
  workload: Workload;
  seed: number;
  /** Bursts in progress, so closing the simulator can stop them. */
  bursts: Set<Pacer>;
}

/** Carries out one control command (see control.ts); the result is JSON for `POST /sim/control`. */
export async function runControl(command: ControlCommand, deps: ControlDeps): Promise<unknown> {
  switch (command.action) {
    case 'drop-sockets':
      return { dropped: deps.hub.terminateAll() };
    case 'malformed':
      return sendMalformed(deps.hub, command.text);
    case 'binary':
      return sendBinary(deps.hub);
    case 'huge':
      return sendHuge(deps.hub, deps.store, deps.clock, command.bytes);
    case 'hostile':
      return sendHostile(deps.hub, deps.clock);
    case 'stall':
      await deps.hub.stall(command.ms);
      return { stalledMs: command.ms };
    case 'drop-stalled-readers': {
      const { enabled, writeDeadlineMs, pongWaitMs } = command;
      const timings = deps.hub.setTimings({
        dropStalledReaders: enabled,
        ...(writeDeadlineMs === undefined ? {} : { writeDeadlineMs }),
        ...(pongWaitMs === undefined ? {} : { pongWaitMs }),
      });
      return { dropStalledReaders: timings.dropStalledReaders, writeDeadlineMs: timings.writeDeadlineMs, pongWaitMs: timings.pongWaitMs };
    }
    case 'workload':
      deps.workload.setRate(command.rate);
      return { rate: deps.workload.rate };
    case 'burst': {
      const { rate, seconds, objectBytes, withOriginal, objects } = command;
      const pacer = startBurst({ rate, seconds, objectBytes, withOriginal, objects }, deps);
      deps.bursts.add(pacer);
      const result = await pacer.done;
      deps.bursts.delete(pacer);
      return result;
    }
    case 'seed-walkthrough':
      return runSeedWalkthrough(deps.store);
  }
}
