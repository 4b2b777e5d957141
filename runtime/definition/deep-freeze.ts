// Freezes the plain data of a model so nothing can change it after load. Maps and Sets
// are left as they are (their element objects are frozen); functions are not touched.

export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const entry of value.values()) deepFreeze(entry, seen);
    return value;
  }
  if (value instanceof Set || value instanceof RegExp) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return Object.freeze(value);
}
