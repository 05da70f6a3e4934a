import { OBJECT_COLUMNS } from './object-order';
import type { ObjectColumn, ObjectSort } from './object-order';

interface ObjectListHeaderProps {
  sort: ObjectSort;
  onSort: (column: ObjectColumn) => void;
}

/** Column titles; each is a button that sorts by its column, and says the order in `aria-sort`. */
export function ObjectListHeader({ sort, onSort }: ObjectListHeaderProps) {
  return (
    <div className="objects-header" role="row" aria-rowindex={1}>
      {OBJECT_COLUMNS.map(({ id, title }) => {
        const sorted = sort.column === id;
        return (
          <div key={id} role="columnheader" className="objects-header__cell" aria-sort={sorted ? sort.direction : 'none'}>
            <button type="button" className="objects-header__sort" onClick={() => onSort(id)} title={`Sort by ${title}`}>
              {title}
              {sorted && <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>}
            </button>
          </div>
        );
      })}
    </div>
  );
}
