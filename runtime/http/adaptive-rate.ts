// AIMD (additive increase, multiplicative decrease) for the client-side rate after a 429:
// halve at once, then win the rate back a little every second. Pure functions of the
// state and the clock, so that the limiter keeps no recovery timer.

export interface AimdSettings {
  /** Share of the ceiling regained per second after a decrease (0.05: from half to full in 10 s). */
  readonly increasePerSecond: number;
  /** 429s arriving this soon after a decrease belong to the same burst and do not halve again. */
  readonly minDecreaseIntervalMs: number;
  /** The rate never falls below ceiling * floorFraction. */
  readonly floorFraction: number;
}

export const defaultAimdSettings: AimdSettings = { increasePerSecond: 0.05, minDecreaseIntervalMs: 1000, floorFraction: 1 / 16 };

export interface AdaptiveRate {
  /** The rate to recover to: the configured one, or the throughput observed at the first 429. */
  readonly ceiling: number;
  /** The rate right after the last decrease. */
  readonly base: number;
  readonly decreasedAt: number;
}

/** The rate at `now`: the base plus what was regained since the decrease, at most the ceiling. */
export function rateAt(state: AdaptiveRate, now: number, settings: AimdSettings = defaultAimdSettings): number {
  const regained = state.ceiling * settings.increasePerSecond * (Math.max(0, now - state.decreasedAt) / 1000);
  return Math.min(state.ceiling, state.base + regained);
}

export function isRecovered(state: AdaptiveRate, now: number, settings: AimdSettings = defaultAimdSettings): boolean {
  return rateAt(state, now, settings) >= state.ceiling;
}

/**
 * The state after a 429: half the current rate (not below the floor). Without a state yet,
 * `ceiling` is where the rate starts from and recovers to.
 */
export function afterThrottle(
  state: AdaptiveRate | undefined,
  ceiling: number,
  now: number,
  settings: AimdSettings = defaultAimdSettings,
): AdaptiveRate {
  if (state && now - state.decreasedAt < settings.minDecreaseIntervalMs) return state;
  const top = state?.ceiling ?? ceiling;
  const current = state ? rateAt(state, now, settings) : top;
  return { ceiling: top, base: Math.max(top * settings.floorFraction, current / 2), decreasedAt: now };
}
