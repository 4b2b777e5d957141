// Passwords the policy asks to generate. They are random, used once in a create body (where
// the password key is redacted anyway) and never shown, so they are not registered with the
// redactor: thousands of them would make every redaction slower.
import { randomInt } from 'node:crypto';
import type { Redactor } from '../redaction.js';
import type { ConnectorSession } from '../operations/session.js';

const classes = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!#%*+-=?@^_'];

/** Meets the usual complexity rules (Entra ID: three of lower, upper, digit, symbol): all four. */
export function generatePassword(length = 20): string {
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** The session, with a redactor that does not register these values (and redacts as before). */
export function sessionIgnoringSecrets(session: ConnectorSession, values: ReadonlySet<unknown>): ConnectorSession {
  if (values.size === 0) return session;
  const parent = session.redactor;
  const redactor = Object.create(parent, {
    addSecret: { value: (value: unknown) => (values.has(value) ? undefined : parent.addSecret(value)) },
    redactText: { value: parent.redactText.bind(parent) },
    redactValue: { value: parent.redactValue.bind(parent) },
    redactHeaders: { value: parent.redactHeaders.bind(parent) },
  }) as Redactor;
  return { ...session, redactor };
}
