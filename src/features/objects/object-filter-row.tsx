import type { ObjectFacetFilter } from './object-order';

type Facet = keyof ObjectFacetFilter;

const FACETS: readonly { field: Facet; label: string; placeholder: string; hint: string }[] = [
  { field: 'type', label: 'Filter type', placeholder: 'Type', hint: 'Type' },
  { field: 'action', label: 'Filter action', placeholder: 'Last action', hint: 'Last action' },
  { field: 'key', label: 'Filter key', placeholder: 'Key or name', hint: 'Key or display name' },
  { field: 'principal', label: 'Filter principal', placeholder: 'Last principal', hint: 'Last principal' },
];

interface ObjectFilterRowProps {
  filter: ObjectFacetFilter;
  onChange: (patch: Partial<ObjectFacetFilter>) => void;
}

/**
 * The timeline's facets, over objects: the same values (the store's view filter), so switching
 * between Events and Objects keeps what was typed. Filtering objects is cheap (no rescan of the
 * buffer), so each keystroke applies at once.
 */
export function ObjectFilterRow({ filter, onChange }: ObjectFilterRowProps) {
  return (
    <div className="objects-filter" role="search">
      {FACETS.map(({ field, label, placeholder, hint }) => (
        <input
          key={field}
          type="search"
          aria-label={label}
          placeholder={placeholder}
          title={`${hint}: comma-separated, matches part of the value`}
          spellCheck={false}
          value={filter[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      ))}
    </div>
  );
}
