/**
 * The few fields of an object that names, highlights and the Objects view need, picked where the
 * frame is parsed (the socket worker) so the main thread never parses an event to label a row.
 * Strings are clipped: event content is untrusted and a name ends up in every row of its object.
 */
import { clipText } from './clip-text';

export interface ObjectFacts {
  /** machines: `Name`. */
  name?: string;
  /** jobs: the machine's Uuid, the task and the state. */
  machine?: string;
  task?: string;
  state?: string;
  /** machines: where the workflow stands. */
  runnable?: boolean;
  stage?: string;
  bootEnv?: string;
  workflow?: string;
  /** machines: `Tasks[CurrentTask]` (empty past the end: the workflow is done). */
  currentTask?: string;
  /** leases and reservations: `Addr`. */
  address?: string;
}

const FACT_CHARS = 120;

function text(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? clipText(value, FACT_CHARS) : undefined;
}

function currentTaskOf(fields: Record<string, unknown>): string | undefined {
  const tasks = fields.Tasks;
  const index = fields.CurrentTask;
  if (!Array.isArray(tasks) || typeof index !== 'number' || index < 0 || index >= tasks.length) return undefined;
  const task: unknown = tasks[index];
  return typeof task === 'string' ? clipText(task, FACT_CHARS) : undefined;
}

/** Drops undefined members so the header stays small on the wire. */
function compact(facts: ObjectFacts): ObjectFacts | null {
  const entries = Object.entries(facts).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? null : (Object.fromEntries(entries) as ObjectFacts);
}

export function objectFactsOf(type: string, object: unknown): ObjectFacts | null {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return null;
  const fields = object as Record<string, unknown>;
  switch (type) {
    case 'machines':
      return compact({
        name: text(fields, 'Name'),
        runnable: typeof fields.Runnable === 'boolean' ? fields.Runnable : undefined,
        stage: text(fields, 'Stage'),
        bootEnv: text(fields, 'BootEnv'),
        workflow: text(fields, 'Workflow'),
        currentTask: currentTaskOf(fields),
      });
    case 'jobs':
      return compact({ machine: text(fields, 'Machine'), task: text(fields, 'Task'), state: text(fields, 'State') });
    case 'leases':
    case 'reservations':
      return compact({ address: text(fields, 'Addr') });
    default:
      return null;
  }
}
