import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimelineRow } from '../../../../src/features/timeline/timeline-row';
import { eventFrame } from '../../support/frames';
import { useInspectorStore } from '../../../../src/store/store-context';
import { renderWithStore } from '../../support/render-with-store';

/** Rows `seqs`, re-rendered on each store revision as the list does (the rows themselves are memo). */
function Rows({ seqs }: { seqs: number[] }) {
  const revision = useInspectorStore((state) => state.revision);
  return (
    <div data-revision={revision}>
      {seqs.map((seq, index) => (
        <TimelineRow key={`${seq}-${revision}`} seq={seq} index={index} top={index * 26} selected={false} />
      ))}
    </div>
  );
}

/** Event frames with a given Principal (the shared builder stamps a user). */
function frameBy(principal: string, type: string, action: string, key: string, object: unknown): string {
  return JSON.stringify({ ...JSON.parse(eventFrame(type, action, key, object)), Principal: principal });
}

const MACHINE = '3f2a9c1e-77b0-4c3e-9a51-0e6a2b1c9d44';

const cell = (row: HTMLElement, column: string): HTMLElement => row.querySelector<HTMLElement>(`.timeline-cell--${column}`)!;

describe('TimelineRow', () => {
  it('shows its summary, with the values of a single change, without waiting on screen', () => {
    const view = renderWithStore(<Rows seqs={[2]} />);
    act(() =>
      view.ingest(
        eventFrame('machines', 'update', MACHINE, { Name: 'rack-01', CurrentTask: 5 }),
        eventFrame('machines', 'update', MACHINE, { Name: 'rack-01', CurrentTask: 6 }),
      ),
    );
    // The header carries the change: the first render already shows it, no `…`.
    const row = screen.getByRole('option');
    expect(cell(row, 'summary').textContent).toBe('CurrentTask 5 → 6');
  });

  it('shows the machine by Name and a runner by its machine, the full values in tooltips', () => {
    const view = renderWithStore(<Rows seqs={[1]} />);
    act(() => view.ingest(frameBy(`runner:${MACHINE}`, 'machines', 'update', MACHINE, { Name: 'rack-01', Runnable: true })));
    const row = screen.getByRole('option');
    expect(cell(row, 'key').textContent).toBe('rack-01');
    expect(cell(row, 'key').title).toContain(MACHINE);
    expect(cell(row, 'principal').textContent).toBe('runner:rack-01');
    expect(cell(row, 'principal').title).toBe(`runner:${MACHINE}`);
    // The row's identity for tests and filters stays the Key.
    expect(row.dataset.key).toBe(MACHINE);
  });

  it('names a job by its machine and task once the machine is known', () => {
    const view = renderWithStore(<Rows seqs={[1, 2]} />);
    act(() =>
      view.ingest(
        eventFrame('machines', 'update', MACHINE, { Name: 'rack-01' }),
        eventFrame('jobs', 'update', 'job-1', { Machine: MACHINE, Task: 'gohai', State: 'failed' }),
      ),
    );
    const [, job] = screen.getAllByRole('option');
    expect(cell(job, 'key').textContent).toBe('rack-01 · gohai');
    expect(job.dataset.highlight).toBe('failed');
    expect(job.classList.contains('timeline-row--failed')).toBe(true);
  });

  it('marks delete events and machines that stopped being Runnable at once', () => {
    const view = renderWithStore(<Rows seqs={[2, 3]} />);
    act(() =>
      view.ingest(
        eventFrame('machines', 'update', MACHINE, { Name: 'rack-01', Runnable: true }),
        eventFrame('machines', 'update', MACHINE, { Name: 'rack-01', Runnable: false }),
        eventFrame('machines', 'delete', MACHINE, { Name: 'rack-01', Runnable: false }),
      ),
    );
    const [changed, deleted] = screen.getAllByRole('option');
    expect(deleted.dataset.highlight).toBe('deleted');
    expect(changed.dataset.highlight).toBe('not-runnable');
  });
});
