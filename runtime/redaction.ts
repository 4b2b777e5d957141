// Keeps secrets out of every output: logs, errors, dry-run plans, the audit log.
// Two nets: known secret values (settings marked secret, passwords, tokens) are replaced
// wherever they appear, and values under secret-looking keys are replaced whatever they are.

export const redacted = '<redacted>';

// Anywhere in the key, any case: userPassword, clientSecret, access_token, X-Api-Key.
const secretKey = /password|passwd|secret|token|authorization|assertion|api[-_]?key|cookie/i;

export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret value; short values are ignored (they would redact ordinary text). */
  addSecret(value: unknown): void {
    if (typeof value !== 'string' || value.length < 4 || this.secrets.has(value)) return;
    this.secrets.add(value);
    // Percent-encoded and JSON-escaped spellings of the secret are redacted too.
    for (const variant of [encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) this.secrets.add(variant);
    this.pattern = undefined;
  }

  get size(): number {
    return this.secrets.size;
  }

  redactText(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
    return text.replace(this.pattern, redacted);
  }

  /** A deep copy with secret keys and known secret values replaced. */
  redactValue<T>(value: T): T {
    return this.redactAny(value, 0) as T;
  }

  redactHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = isSecretKey(name) ? redacted : this.redactAny(value, 0);
    return out;
  }

  private redactAny(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (value === null || typeof value !== 'object' || depth > 64) return value;
    if (Array.isArray(value)) return value.map((item) => this.redactAny(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = isSecretKey(key) && (typeof child === 'string' || typeof child === 'number') ? redacted : this.redactAny(child, depth + 1);
    }
    return out;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
