import type { ColumnWidths } from './use-column-widths';
import { RESIZABLE_COLUMNS } from './use-column-widths';

const COLUMNS = ['Time', 'Type', 'Action', 'Key', 'Principal', 'Change'] as const;

interface TimelineHeaderProps {
  columns: ColumnWidths;
}

/**
 * The column titles, each but the last with a drag handle on its right edge (double-click resets
 * every width). Hidden from assistive technology: the rows are options whose text already reads in
 * column order, and the handles are a pointer convenience for the layout only.
 */
export function TimelineHeader({ columns }: TimelineHeaderProps) {
  return (
    <div className="timeline-header" aria-hidden="true">
      {COLUMNS.map((name, index) => (
        <span key={name} className="timeline-header__cell">
          {name}
          {index < RESIZABLE_COLUMNS && (
            <span
              className="timeline-header__resize"
              data-testid={`column-resize-${name.toLowerCase()}`}
              title={`Drag to resize ${name}; double-click resets all columns`}
              onPointerDown={(event) => columns.startResize(index, event)}
              onDoubleClick={columns.reset}
            />
          )}
        </span>
      ))}
    </div>
  );
}
