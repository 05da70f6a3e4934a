/**
 * Human-readable paths into DRP objects, e.g. `Params.bar`, `Tasks[Name=foo].State`, `Profiles[2]`,
 * `Params["odd key"]`. Used for diff entries and summaries; display only, never parsed back.
 */

/** One step of a path as the diff walked it. */
export type PathPart =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  /** An array item matched by its identity field, e.g. `[Name=foo]` (see array-identity.ts). */
  | { kind: 'id'; field: string; value: string | number };

// DRP param names use `-` and `/` (`kernel-console`, `change-stage/map`), so they stay bare.
const BARE_KEY = /^[A-Za-z_$][\w$/-]*$/;
// Identity values are names, UUIDs and ids; anything stranger is quoted so `]` cannot end the step early.
const BARE_ID_VALUE = /^[\w.:/@-]+$/;

function formatPart(part: PathPart, first: boolean): string {
  switch (part.kind) {
    case 'key':
      if (BARE_KEY.test(part.key)) return first ? part.key : `.${part.key}`;
      return `[${JSON.stringify(part.key)}]`;
    case 'index':
      return `[${part.index}]`;
    case 'id': {
      const value = typeof part.value === 'string' && !BARE_ID_VALUE.test(part.value) ? JSON.stringify(part.value) : String(part.value);
      return `[${part.field}=${value}]`;
    }
  }
}

/** Formats a path; the empty path (the value itself) is `""`. */
export function formatPath(parts: readonly PathPart[]): string {
  let text = '';
  for (let i = 0; i < parts.length; i++) text += formatPart(parts[i], i === 0);
  return text;
}
