// A long run turns over its heap every page: target JSON, mapped records, snapshot text, all
// garbage once the page is committed. V8 sizes the old generation by the allocation rate, not
// by what is alive, so a 100k-account run grows its heap to ~100 MB with ~20 MB alive and the
// process's peak RSS with it. A full collection every few pages keeps memory flat and low,
// whatever the number of objects. It is asked for asynchronously (V8 marks concurrently), so
// it never stalls the response of the page already in flight. The collector is reached the
// documented way (--expose-gc, then gc from a new context); without it this does nothing.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? () => (gc as (options: object) => void)({ type: 'major', execution: 'async' }) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Returns a function to call with the pages just committed: every `pages` pages it collects the heap. */
export function heapTrimmer(pages: number): (done: number) => void {
  let count = 0;
  return (done) => {
    count += done;
    if (count < pages) return;
    count = 0;
    collector()?.();
  };
}
