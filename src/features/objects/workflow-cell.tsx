import type { ObjectFacts } from '../../lib/object-facts';

interface WorkflowCellProps {
  facts: ObjectFacts;
}

/**
 * Where a machine's workflow stands: Stage, the current task (`Tasks[CurrentTask]`; `—` before the
 * first task and past the last), BootEnv, and whether it is runnable, so a stuck machine stands out.
 */
export function WorkflowCell({ facts }: WorkflowCellProps) {
  const runnable = facts.runnable;
  const parts = [facts.stage ?? '—', facts.currentTask ?? '—', facts.bootEnv ?? '—'];
  const title = [
    `Stage: ${facts.stage ?? 'unknown'}`,
    `Current task: ${facts.currentTask ?? 'none'}`,
    `BootEnv: ${facts.bootEnv ?? 'unknown'}`,
    facts.workflow ? `Workflow: ${facts.workflow}` : '',
    runnable === undefined ? '' : runnable ? 'Runnable' : 'Not runnable',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return (
    <span className="objects-workflow" title={title}>
      {runnable !== undefined && (
        <span className={`objects-workflow__runnable objects-workflow__runnable--${runnable ? 'yes' : 'no'}`} data-testid="object-runnable">
          {runnable ? 'runnable' : 'not runnable'}
        </span>
      )}{' '}
      <span data-testid="object-stage">{parts[0]}</span>
      {' · '}
      <span data-testid="object-task">{parts[1]}</span>
      {' · '}
      <span data-testid="object-bootenv">{parts[2]}</span>
    </span>
  );
}
