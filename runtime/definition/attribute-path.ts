// Attribute paths: "passwordProfile.password" names a value nested in the target's JSON.

export function splitPath(path: string): string[] {
  return path.split('.');
}

export function getAtPath(object: unknown, parts: readonly string[]): unknown {
  let value = object;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function setAtPath(object: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node = object;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      Object.defineProperty(node, part, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created: Record<string, unknown> = {};
      Object.defineProperty(node, part, { value: created, enumerable: true, writable: true, configurable: true });
      node = created;
    } else {
      node = next as Record<string, unknown>;
    }
  });
}
