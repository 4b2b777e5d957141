// The audit log's last net: callers pass redacted data, but a key that looks secret is
// dropped whatever its value, at any depth, so a redaction slip never reaches the file.
// Broader than the Redactor's key test on purpose (it also catches camelCase such as
// "clientSecret" or "accessToken"): losing a harmless key from an audit detail costs nothing.
import { isSecretKey } from '../redaction.js';

const secretLooking = /pass(word|wd)|pwd|secret|token|credential|authori[sz]ation|assertion|api[-_]?key|cookie|private[-_]?key/i;

export function looksSecret(key: string): boolean {
  return secretLooking.test(key) || isSecretKey(key);
}

/** A deep copy of value without the object keys that look secret. */
export function dropSecretKeys(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any audit detail should be: cut rather than recurse without end.
  if (depth > 32) return '<too deep>';
  if (Array.isArray(value)) return value.map((item: unknown) => dropSecretKeys(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!looksSecret(key)) out[key] = dropSecretKeys(child, depth + 1);
  }
  return out;
}
