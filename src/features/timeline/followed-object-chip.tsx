interface FollowedObjectChipProps {
  /** `machines rack-01`: the type and the object's display name (or Key). */
  label: string;
  onRemove: () => void;
}

/**
 * The object the timeline is narrowed to (`Follow this object` in the detail pane, or a link), shown
 * where the filters are so that the narrowing is never invisible, with one click to undo it.
 */
export function FollowedObjectChip({ label, onRemove }: FollowedObjectChipProps) {
  return (
    <span className="timeline-filter__chip" data-testid="followed-object" title={`Only the events of ${label}`}>
      <span className="timeline-filter__chip-text">Following {label}</span>
      <button
        type="button"
        className="timeline-filter__chip-remove"
        aria-label="Stop following"
        title="Show every object's events again"
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}
