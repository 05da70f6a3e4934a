import { JsonView, allExpanded, darkStyles } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

interface JsonTreeProps {
  value: unknown;
  /** Levels expanded at first; deeper nodes start collapsed. `Infinity` expands everything. */
  expandDepth: number;
  label: string;
}

/**
 * A collapsible JSON tree (react-json-view-lite, which renders values as text nodes, never HTML).
 * The library only accepts objects and arrays, so scalars (a log payload can be a string) are shown
 * as JSON text.
 */
export function JsonTree({ value, expandDepth, label }: JsonTreeProps) {
  if (typeof value !== 'object' || value === null) {
    return <pre className="json-tree-scalar">{value === undefined ? 'undefined' : JSON.stringify(value)}</pre>;
  }
  const shouldExpandNode = expandDepth === Infinity ? allExpanded : (level: number) => level < expandDepth;
  return <JsonView data={value} shouldExpandNode={shouldExpandNode} style={darkStyles} aria-label={label} />;
}
