import type { Ref } from 'react';
import type { TimelineFilter } from '../../store/timeline-view';

interface TimelineFilterBarProps {
  filter: TimelineFilter;
  onChange: (filter: TimelineFilter) => void;
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

/** Client-side filter inputs; facets take comma-separated alternatives, free text searches the raw event. */
export function TimelineFilterBar({ filter, onChange, error, textInputRef }: TimelineFilterBarProps) {
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
        <label key={field} className="timeline-filter__flag">
          <input type="checkbox" checked={filter[field]} onChange={(event) => onChange({ ...filter, [field]: event.target.checked })} />
          {label}
        </label>
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
      </div>
      {error !== null && (
        <p id="timeline-filter-error" className="timeline-filter__error" role="alert" data-testid="filter-error">
          {error}
        </p>
      )}
    </div>
  );
}
