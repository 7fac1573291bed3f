// The one threshold rule: the history node's overThreshold (states/normalize.ts), the summary's
// overThresholdCount and the trigger's State Exceeded Duration (CxoneAgentStateTrigger/events.ts)
// all ask it, so they always agree on which state ran over and when. Imports nothing, so the
// states layer may use it. docs/thresholds.md describes the rule.
//
// A state's limit: the row named like its reason, else the row named like its state, else the
// default ("Any Other State"), else none. Names match trimmed and in any case.

/** Per-reason / per-state limits in ms, and the limit of every other state. */
export interface ThresholdRules {
	/** Trimmed, lower-cased reason or state name → limit in ms (minutes × 60 000, unrounded). */
	readonly byName: ReadonlyMap<string, number>;
	/** The limit of states without a row; null = such states have no threshold. */
	readonly defaultMs: number | null;
}

const MINUTE_MS = 60_000;

/** How a row's name and a state's reason or state name are compared. */
export function thresholdName(name: string): string {
	return name.trim().toLowerCase();
}

function minutesToMs(minutes: unknown, what: string): number {
	const ms = Number(minutes) * MINUTE_MS;
	if (!(Number.isFinite(ms) && ms >= 0)) {
		throw new Error(`${what} must be a number of minutes ≥ 0, got ${String(minutes)}`);
	}
	return ms;
}

/**
 * The rules for `rows` (name + minutes ≥ 0) and the minutes of every other state (undefined or
 * null = none). Throws for an empty name, a name given twice (in any case) or bad minutes; the
 * nodes check rows first (parameters/thresholds.ts) to name the parameter.
 */
export function makeThresholdRules(
	rows: ReadonlyArray<{ label: string; minutes: number }>,
	defaultMinutes?: number | null,
): ThresholdRules {
	const byName = new Map<string, number>();
	for (const row of rows) {
		const name = thresholdName(String(row.label ?? ''));
		if (name === '') throw new Error('A threshold needs a reason or state name');
		if (byName.has(name)) throw new Error(`Threshold "${row.label.trim()}" is given twice`);
		byName.set(name, minutesToMs(row.minutes, `Threshold "${row.label.trim()}"`));
	}
	const defaultMs =
		defaultMinutes === undefined || defaultMinutes === null
			? null
			: minutesToMs(defaultMinutes, 'The threshold of any other state');
	return { byName, defaultMs };
}

/**
 * The limit (ms) of a state: the reason's row, else the state's row (for a reason without its own
 * row, or no reason), else the default; undefined when the state has no threshold.
 */
export function thresholdMsFor(
	rules: ThresholdRules,
	state: string,
	reason: string | null,
): number | undefined {
	if (reason !== null) {
		const ms = rules.byName.get(thresholdName(reason));
		if (ms !== undefined) return ms;
	}
	return rules.byName.get(thresholdName(state)) ?? rules.defaultMs ?? undefined;
}

/**
 * When a state crossed its threshold (epoch ms), or undefined when it did not (yet) or has none.
 * `durationMs` is the full duration in whole ms, as the normalizer counts it: a state that began
 * before the window still ran over. Over means strictly longer than the limit.
 */
export function thresholdCrossingMs(
	rules: ThresholdRules,
	startMs: number,
	durationMs: number,
	state: string,
	reason: string | null,
): number | undefined {
	const ms = thresholdMsFor(rules, state, reason);
	if (ms === undefined || !(durationMs > ms)) return undefined;
	return startMs + ms;
}

/** Whether the state ran longer than its threshold (see thresholdCrossingMs). */
export function exceedsThresholdRules(
	rules: ThresholdRules,
	durationMs: number,
	state: string,
	reason: string | null,
): boolean {
	return thresholdCrossingMs(rules, 0, durationMs, state, reason) !== undefined;
}
