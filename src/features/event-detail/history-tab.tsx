import { useEffect, useState } from 'react';
import type { EventRecord } from '../../store/event-record';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { HistoryVersionRow } from './history-version-row';
import { useDisplayNamesVersion, useObjectVersions } from './use-object-versions';
import { useVersionStep } from './use-version-step';

/**
 * Rows rendered at first (more on request): an object saved every second for a day has more versions
 * than anyone reads, and 200 rows paint in well under the 100 ms a click may take (npm run bench).
 */
const ROWS_PER_PAGE = 200;

interface HistoryTabProps {
  seq: number;
  record: EventRecord;
}

/** Versions on disk whose headers are read in one go (one small read per chunk); the first round is the first screen. */
const HEADER_READ_BATCH = 25;
const FIRST_HEADER_READ = 12;

/** A version on disk while its stored header is read. */
function ReadingVersionRow({ seq }: { seq: number }) {
  return (
    <li className="history-version history-version--reading" data-testid="history-version" data-seq={seq} data-reading="" aria-busy="true">
      <span className="history-version__select">#{seq}</span>
      <span className="history-version__summary">reading from disk…</span>
    </li>
  );
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Every buffered version of the selected event's object (Type+Key), newest first, like `git log`
 * of one file. Live: a new version shows at once at the top and the selection stays where it is.
 * Evicted versions are counted, never silently missing.
 */
export function HistoryTab({ seq, record }: HistoryTabProps) {
  const events = useEventReader();
  const versions = useObjectVersions(seq);
  useDisplayNamesVersion();
  const filter = useInspectorStore((state) => state.view.filter);
  const compareBaseSeq = useInspectorStore((state) => state.view.compareBaseSeq);
  const { select, setView } = useInspectorStore((state) => state.actions);
  const step = useVersionStep();
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  // Versions on disk (the deep window) are listed from their stored headers, read a batch at a time, newest first.
  // The state itself is not read: setting it re-renders the rows whose headers just arrived.
  const [, setHeaderReads] = useState(0);

  const seqs = versions?.seqs ?? [seq];
  const index = seqs.indexOf(seq);
  const following = filter.object !== null && filter.object.type === record.type && filter.object.key === record.key;
  // Stepping past the rendered rows (with `[`) renders down to the selected one.
  const rendered = Math.max(shown, index + 1);
  const onDisk = seqs.filter((versionSeq) => versionSeq < events.ringFirstSeq).length;
  const unread = seqs.slice(0, rendered).filter((versionSeq) => !events.header(versionSeq) && events.reading(versionSeq));
  // Nothing read yet: a smaller first round, so the first screen paints sooner.
  const firstRound = unread.length === seqs.slice(0, rendered).filter((versionSeq) => versionSeq < events.ringFirstSeq).length;
  const nextRead = unread.slice(0, firstRound ? FIRST_HEADER_READ : HEADER_READ_BATCH).join(',');
  useEffect(() => {
    if (nextRead === '') return;
    let current = true;
    void events.readHeaders(nextRead.split(',').map(Number)).then(() => current && setHeaderReads((reads) => reads + 1));
    return () => {
      current = false;
    };
  }, [events, nextRead]);
  const follow = (): void => setView({ filter: { ...filter, object: following ? null : { type: record.type, key: record.key } } });
  const compare = (baseSeq: number): void => setView({ compareBaseSeq: baseSeq, detailTab: 'diff' });

  return (
    <div className="detail-history">
      <div className="detail-history__toolbar" role="toolbar" aria-label="Versions of this object">
        <button type="button" onClick={() => step('older')} disabled={index < 0 || index >= seqs.length - 1} title="Older version ([)">
          Older version
        </button>
        <button type="button" onClick={() => step('newer')} disabled={index <= 0} title="Newer version (])">
          Newer version
        </button>
        {/* One toggle under one name: pressed while the timeline shows only this object; a click undoes it. */}
        <button
          type="button"
          onClick={follow}
          aria-pressed={following}
          title={following ? 'Showing only this object: click to show all' : undefined}
        >
          Follow this object
        </button>
      </div>
      <p className="detail-history__count" data-testid="history-count">
        {plural(seqs.length, 'version')} buffered
        {onDisk > 0 && ` (${onDisk} on disk)`}
        {versions !== undefined && versions.evicted > 0 && (
          <>
            {', '}
            <span data-testid="history-evicted">{plural(versions.evicted, 'older version')} evicted</span>
          </>
        )}
      </p>
      <ol className="detail-history__versions" aria-label="Versions, newest first">
        {seqs.slice(0, rendered).map((versionSeq) => {
          const version = events.header(versionSeq);
          if (!version && events.reading(versionSeq)) return <ReadingVersionRow key={versionSeq} seq={versionSeq} />;
          if (!version) return null;
          return (
            <HistoryVersionRow
              key={versionSeq}
              record={version}
              summary={events.changeSummary(versionSeq)}
              names={events.displayNames}
              selected={versionSeq === seq}
              isBase={versionSeq === compareBaseSeq}
              onSelect={select}
              onCompare={compare}
            />
          );
        })}
      </ol>
      {seqs.length > rendered && (
        <p className="detail-history__more">
          {plural(seqs.length - rendered, 'older version')} not shown.{' '}
          <button type="button" onClick={() => setShown(rendered + ROWS_PER_PAGE)}>
            Show {Math.min(ROWS_PER_PAGE, seqs.length - rendered)} more
          </button>
        </p>
      )}
    </div>
  );
}
