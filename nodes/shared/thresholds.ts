// The one threshold rule: the history node's overThreshold (states/normalize.ts) and the trigger's
// State Exceeded Duration (CxoneAgentStateTrigger/events.ts) both ask it, so they always agree on
// which state ran over and when. Imports nothing, so the states layer may use it.

export interface Threshold {
	/** Minutes × 60 000, unrounded. */
	readonly ms: number;
	/** Lower-cased reason or state names the rule applies to; null = every state. */
	readonly labels: ReadonlySet<string> | null;
}

/** The rule for `minutes` (≥ 0) and the reason or state names it applies to (none = all). */
export function makeThreshold(minutes: unknown, labels: readonly string[] = []): Threshold {
	const ms = Number(minutes) * 60_000;
	if (!(Number.isFinite(ms) && ms >= 0)) {
		throw new Error(`Threshold must be a number of minutes ≥ 0, got ${String(minutes)}`);
	}
	const names = labels.map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
	return { ms, labels: names.length > 0 ? new Set(names) : null };
}

/**
 * When a state crossed the threshold (epoch ms), or undefined when it did not (yet). `durationMs`
 * is the full duration in whole ms, as the normalizer counts it: a state that began before the
 * window still ran over.
 */
export function thresholdCrossingMs(
	t: Threshold,
	startMs: number,
	durationMs: number,
	state: string,
	reason: string | null,
): number | undefined {
	if (!(durationMs > t.ms)) return undefined;
	if (
		t.labels !== null &&
		!(reason !== null && t.labels.has(reason.toLowerCase())) &&
		!t.labels.has(state.toLowerCase())
	) {
		return undefined;
	}
	return startMs + t.ms;
}

/** Whether the state ran longer than the threshold (see thresholdCrossingMs). */
export function exceedsThreshold(
	t: Threshold,
	durationMs: number,
	state: string,
	reason: string | null,
): boolean {
	return thresholdCrossingMs(t, 0, durationMs, state, reason) !== undefined;
}
