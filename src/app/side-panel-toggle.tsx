interface SidePanelToggleProps {
  /** The id of the panel it shows and hides. */
  controls: string;
  expanded: boolean;
  onToggle: () => void;
}

/** Shows or hides the subscriptions side panel, giving its width to the timeline (a disclosure button). */
export function SidePanelToggle({ controls, expanded, onToggle }: SidePanelToggleProps) {
  return (
    <button
      type="button"
      className="side-panel-toggle small"
      aria-expanded={expanded}
      aria-controls={controls}
      title={expanded ? 'Hide the subscriptions panel' : 'Show the subscriptions panel'}
      onClick={onToggle}
    >
      <span aria-hidden="true">{expanded ? '◀' : '▶'} </span>
      Subscriptions
    </button>
  );
}
