import type { KeyboardEvent, MouseEvent } from 'react';
import { ObjectListHeader } from './object-list-header';
import type { ObjectColumn, ObjectSort } from './object-order';
import { ObjectRow, objectRowId } from './object-row';
import type { ObjectRow as ObjectRowData } from './object-rows';
import { useRowWindow } from './use-row-window';

/** Fixed row height (objects.css `.objects-row`, `.objects-header`); every position is arithmetic. */
export const OBJECT_ROW_HEIGHT = 26;
const OVERSCAN = 10;

interface ObjectListProps {
  rows: readonly ObjectRowData[];
  /** Id (`Type + NUL + Key`) of the selected event's object, or undefined. */
  selectedId: string | undefined;
  onSelect: (row: ObjectRowData) => void;
  sort: ObjectSort;
  onSort: (column: ObjectColumn) => void;
}

function rowIdAt(target: EventTarget | null): string | undefined {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-testid="object-row"]') : null;
  return row?.dataset.id;
}

/**
 * The virtualized object grid: a sticky header, then fixed-height rows of which only those in view
 * (and a few around) are rendered. The header and rows scroll sideways together in a narrow pane.
 * Arrow keys, Home and End move the selection.
 */
export function ObjectList({ rows, selectedId, onSelect, sort, onSort }: ObjectListProps) {
  const { scrollerRef, start, end, onScroll, reveal } = useRowWindow(rows.length, OBJECT_ROW_HEIGHT, OVERSCAN, OBJECT_ROW_HEIGHT);
  const selectedIndex = selectedId === undefined ? -1 : rows.findIndex((row) => row.id === selectedId);

  const selectIndex = (index: number): void => {
    if (rows.length === 0) return;
    const target = Math.max(0, Math.min(rows.length - 1, index));
    onSelect(rows[target]);
    reveal(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex < 0 ? rows.length - 1 : selectedIndex - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectIndex(moves[event.key]);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const id = rowIdAt(event.target);
    const row = id === undefined ? undefined : rows.find((candidate) => candidate.id === id);
    if (row) onSelect(row);
  };

  const items = [];
  for (let index = start; index < end; index += 1) {
    const row = rows[index];
    items.push(<ObjectRow key={row.id} row={row} index={index} top={index * OBJECT_ROW_HEIGHT} selected={row.id === selectedId} />);
  }

  return (
    <div
      ref={scrollerRef}
      className="objects-scroller"
      data-testid="objects-scroller"
      role="grid"
      aria-label="Objects"
      aria-rowcount={rows.length + 1}
      aria-colcount={8}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= start && selectedIndex < end ? objectRowId(rows[selectedIndex].id) : undefined}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <ObjectListHeader sort={sort} onSort={onSort} />
      <div className="objects-sizer" role="rowgroup" style={{ height: rows.length * OBJECT_ROW_HEIGHT }}>
        {items}
      </div>
    </div>
  );
}
