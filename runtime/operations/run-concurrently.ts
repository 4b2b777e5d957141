// Runs independent tasks with a cap on how many run at once, keeping every outcome.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runConcurrently<I, T>(items: readonly I[], limit: number, task: (item: I, index: number) => Promise<T>): Promise<Array<Settled<T>>> {
  const results: Array<Settled<T>> = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await task(items[index]!, index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
