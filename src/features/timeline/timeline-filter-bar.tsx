import type { Ref } from 'react';
import type { TimelineFilter } from '../../store/timeline-view';
import { FollowedObjectChip } from './followed-object-chip';

interface TimelineFilterBarProps {
  filter: TimelineFilter;
  /** A typed change (debounced by the caller). */
  onChange: (filter: TimelineFilter) => void;
  /** A click: checkboxes and the followed object's ×, applied at once. */
  onCommit: (filter: TimelineFilter) => void;
  /** The followed object as a reader knows it (`machines rack-01`), or null when none is followed. */
  followedLabel: string | null;
  /** Why the text filter is ignored (invalid regex), or null. */
  error: string | null;
  textInputRef: Ref<HTMLInputElement>;
}

type FacetField = 'type' | 'action' | 'key' | 'principal';
type FlagField = 'regex' | 'caseSensitive' | 'invert';

const FACETS: readonly { field: FacetField; label: string; placeholder: string }[] = [
  { field: 'type', label: 'Filter type', placeholder: 'Type' },
  { field: 'action', label: 'Filter action', placeholder: 'Action' },
  { field: 'key', label: 'Filter key', placeholder: 'Key' },
  { field: 'principal', label: 'Filter principal', placeholder: 'Principal' },
];

const FLAGS: readonly { field: FlagField; label: string }[] = [
  { field: 'regex', label: 'Regex' },
  { field: 'caseSensitive', label: 'Case sensitive' },
  { field: 'invert', label: 'Invert' },
];

const INVERT_HINT_ID = 'timeline-filter-invert-hint';
/**
 * Invert flips the free-text match only; the facets still narrow (timeline-view.ts). That is the
 * useful combination ("machines whose JSON does not mention X"), so it stays, and the checkbox says
 * so: the hint is its accessible description, and it names what is ignored when there is no text.
 */
const INVERT_SCOPE =
  'Invert the free-text match only: events whose JSON does not match the text; the type, action, key and principal filters still narrow';

const CHANGED_PATH_HINT =
  'Changed path: only events whose change touches this path (Params.bar, Params.*, Stage, Tasks[3]); the Change column then shows its old → new';

function invertHint(filter: TimelineFilter): string {
  if (filter.invert && filter.text === '') return '(free text only: no text to invert)';
  return '(free text only)';
}

/** Client-side filter inputs; facets take comma-separated alternatives, free text searches the raw event. */
export function TimelineFilterBar({ filter, onChange, onCommit, followedLabel, error, textInputRef }: TimelineFilterBarProps) {
  return (
    <div className="timeline-filter" role="search">
      <input
        ref={textInputRef}
        type="search"
        className="timeline-filter__text"
        aria-label="Filter"
        placeholder="Filter events (press /)"
        value={filter.text}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? 'timeline-filter-error' : undefined}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
      />
      {FLAGS.map(({ field, label }) => (
        <span key={field} className="timeline-filter__flag" title={field === 'invert' ? INVERT_SCOPE : undefined}>
          {/* The hint sits outside the label so the checkbox's accessible name stays the label alone. */}
          <label>
            <input
              type="checkbox"
              checked={filter[field]}
              aria-describedby={field === 'invert' ? INVERT_HINT_ID : undefined}
              onChange={(event) => onCommit({ ...filter, [field]: event.target.checked })}
            />
            {label}
          </label>
          {field === 'invert' && (
            <span id={INVERT_HINT_ID} className="timeline-filter__hint">
              {' '}
              {invertHint(filter)}
            </span>
          )}
        </span>
      ))}
      <div className="timeline-filter__facets">
        {FACETS.map(({ field, label, placeholder }) => (
          <input
            key={field}
            type="search"
            aria-label={label}
            placeholder={placeholder}
            title={`${placeholder}: comma-separated, matches part of the value`}
            value={filter[field]}
            onChange={(event) => onChange({ ...filter, [field]: event.target.value })}
          />
        ))}
        <input
          type="search"
          className="timeline-filter__changed"
          aria-label="Changed path"
          placeholder="Changed path"
          title={CHANGED_PATH_HINT}
          spellCheck={false}
          value={filter.changedPath}
          onChange={(event) => onChange({ ...filter, changedPath: event.target.value })}
          // Enter applies at once instead of after the typing pause.
          onKeyDown={(event) => {
            if (event.key === 'Enter') onCommit({ ...filter, changedPath: event.currentTarget.value });
          }}
        />
      </div>
      {filter.object !== null && (
        <FollowedObjectChip
          label={followedLabel ?? `${filter.object.type} ${filter.object.key}`}
          onRemove={() => onCommit({ ...filter, object: null })}
        />
      )}
      {error !== null && (
        <p id="timeline-filter-error" className="timeline-filter__error" role="alert" data-testid="filter-error">
          {error}
        </p>
      )}
    </div>
  );
}
