import { isPlainObject } from '../protocol/plain-object';

/**
 * Masks secrets in a DRP event or object before it is shown or copied. Events carry the stored
 * backend object, not the sanitized REST view (docs/reference/drp-protocol.md §4.3), so they can hold:
 * machine `Secret`, user `PasswordHash`, job `Token`, secure-param envelopes `{Key, Nonce, Payload}`
 * (base64, encrypted), and preference values such as `systemGrantorSecret` (`{Name, Val}`).
 */

export const MASK = '••••••••';

const SECRET_FIELDS: ReadonlySet<string> = new Set(['Secret', 'PasswordHash', 'Token']);
const ENVELOPE_FIELDS: readonly string[] = ['Key', 'Nonce', 'Payload'];

/** Empty values stay visible: "no secret set" is useful to see and reveals nothing. */
function maskValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  return MASK;
}

/** A secure param value: all three envelope fields present (they may carry extra fields in future). */
function isSecureEnvelope(value: Record<string, unknown>): boolean {
  return ENVELOPE_FIELDS.every((field) => typeof value[field] === 'string');
}

/** A preference whose name says it is a secret (`preferences.save` Object is `{Meta, Name, Val}`). */
function isSecretPreference(value: Record<string, unknown>): boolean {
  return typeof value.Name === 'string' && /secret/i.test(value.Name) && 'Val' in value;
}

/** A masked deep copy; the input is not modified. Non-secret values are kept as they are. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (!isPlainObject(value)) return value;
  const envelope = isSecureEnvelope(value);
  const secretPreference = isSecretPreference(value);
  const copy: Record<string, unknown> = {};
  for (const [field, child] of Object.entries(value)) {
    const masked = SECRET_FIELDS.has(field) || (envelope && ENVELOPE_FIELDS.includes(field)) || (secretPreference && field === 'Val');
    copy[field] = masked ? maskValue(child) : maskSecrets(child);
  }
  return copy;
}
