// A long reconciliation or CLI search turns over its heap every page: target JSON, mapped
// records, snapshot and output text, all garbage once the page is done. V8 sizes the old
// generation by the allocation rate, not by what is alive, so a 100k-account reconciliation
// grows its heap to ~100 MB with ~20 MB alive and the process's peak RSS with it (217 MB). A full collection whenever the heap and its buffers have
// grown past a limit keeps memory flat and low, whatever the number of objects (64 MB: peak RSS
// 172 MB at 100k and 170 MB at 50k); asking only when needed, instead of every 10 pages, runs
// it half as often (a 50 ms-latency run: 6.7 s -> 6.5 s). `connector search --out` of 100k
// objects: peak RSS 154 -> 146 MB.
// It is asked for asynchronously (V8 marks concurrently), so it never stalls the response of
// the page already in flight; only when the heap has run half as far again past the limit (a
// 100k-change incremental round outran the concurrent collection) is it collected at once. The collector is reached the documented way (--expose-gc, then
// gc from a new context); without it this does nothing.
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = (execution: 'async' | 'sync') => void;
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? (execution) => (gc as (options: object) => void)({ type: 'major', execution }) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Returns a function to call after every page: it collects when more than `limitMb` is in use
 * by the heap and by the buffers it holds (response bodies are buffers outside the heap).
 */
export function heapTrimmer(limitMb: number): () => void {
  const limit = limitMb * 1024 * 1024;
  return () => {
    const heap = v8.getHeapStatistics();
    const used = heap.used_heap_size + heap.external_memory;
    // Half as much again: the concurrent collection did not keep up; collect at once.
    if (used > limit * 1.5) collector()?.('sync');
    else if (used > limit) collector()?.('async');
  };
}
