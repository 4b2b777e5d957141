// Progress of a long run on stderr, only when stderr is a terminal (scripts and logs get the
// one-line summary alone): objects, pages, events, rate and elapsed time. The total is
// unknown for most targets, so it is a counter, not a bar.
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(progress: { objects: number; pages: number; events: number }): void;
  stop(): void;
}

const silent: ProgressReporter = { update: () => undefined, stop: () => undefined };

export function progressReporter(label: string, enabled = process.stderr.isTTY === true): ProgressReporter {
  if (!enabled) return silent;
  const started = Date.now();
  const bar = new cliProgress.SingleBar({
    format: `${label} | {value} objects | {pages} pages | {events} events | {rate}/s | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  bar.start(0, 0, { pages: 0, events: 0, rate: 0 });
  return {
    update({ objects, pages, events }) {
      const seconds = (Date.now() - started) / 1000;
      bar.setTotal(Math.max(objects, 1));
      bar.update(objects, { pages, events, rate: seconds > 0 ? Math.round(objects / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
