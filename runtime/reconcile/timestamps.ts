// Modification timestamps in any format a target uses (OIM: "Any Incremental Recon Attribute
// Type" = True): ISO-8601 text, epoch seconds or epoch milliseconds, as numbers or digit strings.
// The watermark keeps the value exactly as the target wrote it, so that it goes back in the
// target's own format; only the comparison converts.

/** Epoch numbers below this are seconds (it is the year 5138 in seconds, 1973 in milliseconds). */
const secondsBelow = 1e11;

export function timestampMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? epoch(value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return epoch(Number(text));
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? undefined : millis;
}

function epoch(n: number): number {
  return Math.abs(n) < secondsBelow ? n * 1000 : n;
}

/** Keeps the greatest timestamp seen, in its original text. */
export class WatermarkTracker {
  private best: { text: string; millis: number } | undefined;

  constructor(start?: string) {
    const millis = start === undefined ? undefined : timestampMillis(start);
    if (start !== undefined && millis !== undefined) this.best = { text: start, millis };
  }

  see(value: unknown): void {
    const millis = timestampMillis(value);
    if (millis === undefined) return;
    // Equal instants in another spelling keep the first: the stored text stays stable.
    if (!this.best || millis > this.best.millis) this.best = { text: typeof value === 'string' ? value : String(value), millis };
  }

  get value(): string | undefined {
    return this.best?.text;
  }
}
