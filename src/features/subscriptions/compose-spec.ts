import { escapeField } from '../../protocol/filter';

/** What the type/action/key pickers hold. Each field may be `*`, one value, or a comma list. */
export interface SpecParts {
  type: string;
  action: string;
  key: string;
  /** Treat the key as one literal: escape `.`, `,` and `*` (docs/reference/drp-protocol.md §3.2; servers >= v4.5.4). */
  escapeKey: boolean;
}

export type ComposedSpec = { ok: true; spec: string } | { ok: false; reason: string };

/** Builds `type.action.key` from the pickers; an empty picker means `*`. */
export function composeSpec(parts: SpecParts): ComposedSpec {
  const type = parts.type.trim() || '*';
  const action = parts.action.trim() || '*';
  // A dot in type or action would shift the fields (the server splits at the first two dots, §3.1).
  if (type.includes('.')) return { ok: false, reason: 'the type cannot contain "."' };
  if (action.includes('.')) return { ok: false, reason: 'the action cannot contain "."' };
  return { ok: true, spec: `${type}.${action}.${keyField(parts)}` };
}

/** "One object's history": every action of one object, `type.*.key`. Needs a type and a key. */
export function objectHistorySpec(parts: SpecParts): ComposedSpec {
  if (parts.type.trim() === '' || parts.type.trim() === '*') return { ok: false, reason: 'pick a type for the object history' };
  if (parts.key.trim() === '' || parts.key.trim() === '*') return { ok: false, reason: 'enter a key for the object history' };
  return composeSpec({ ...parts, action: '*' });
}

function keyField(parts: SpecParts): string {
  const key = parts.key.trim();
  if (key === '') return '*';
  // The last field keeps any further dots on v3 servers, so a literal dotted key works unescaped
  // there; escaping is opt-in because servers < v4.5.4 would compare `\1` literally (§3.3).
  return parts.escapeKey ? escapeField(key) : key;
}

export interface Preset {
  label: string;
  spec: string;
  warning?: string;
}

export const PRESETS: readonly Preset[] = [
  { label: 'Everything', spec: '*.*.*', warning: 'every event on the endpoint: loads the server' },
  { label: 'Machines', spec: 'machines.*.*' },
  { label: 'Jobs', spec: 'jobs.*.*' },
  { label: 'Profiles', spec: 'profiles.*.*' },
];
