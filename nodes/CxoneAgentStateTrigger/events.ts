// The trigger's three events (whether a record carries one, and when it happened) and the
// team/state/reason filters applied before any event is chosen.

import type { ThresholdRules } from '../shared/thresholds';
import { thresholdCrossingMs } from '../shared/thresholds';
import { inTeams } from '../shared/history/agentIds';
import type { StateRecord } from '../shared/records/stateRecord';

export { nameSet } from '../shared/parameters/lists';

export type TriggerEvent = 'stateEnded' | 'stateStarted' | 'stateExceeded';

export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
	'stateEnded',
	'stateStarted',
	'stateExceeded',
];

/**
 * When `record` had `event` (epoch ms), or undefined when it has not had it (yet): a state ends
 * once it is no longer open; it exceeds its threshold at start + threshold, whether still open or
 * not. `rules` are the thresholds (State Exceeded Duration only); without them nothing exceeds.
 */
export function eventTimeMs(
	record: StateRecord,
	event: TriggerEvent,
	rules?: ThresholdRules,
): number | undefined {
	const startMs = Date.parse(record.startTimeUtc);
	if (event === 'stateStarted') return startMs;
	if (event === 'stateEnded') {
		if (record.isOpen || record.endTimeUtc === null) return undefined;
		return Date.parse(record.endTimeUtc);
	}
	if (rules === undefined) return undefined;
	// Whole milliseconds, as the normalizer counts them; the filters choose states, not the rule.
	const durationMs = Math.round(record.durationSeconds * 1000);
	return thresholdCrossingMs(rules, startMs, durationMs, record.state, record.reason);
}

/** What the emitted set remembers: one event of one record. */
export function eventKey(event: TriggerEvent, recordId: string): string {
	return `${event}:${recordId}`;
}

export interface RecordFilter {
	/** Team ids (exact); undefined = every team. */
	teams?: ReadonlySet<string>;
	/** Lower-cased names matched against `state` and `label`, or state ids; undefined = every state. */
	states?: ReadonlySet<string>;
	/** Lower-cased names matched against `reason`, or reason ids; undefined = every reason (and none). */
	reasons?: ReadonlySet<string>;
}

export function matchesFilter(record: StateRecord, filter: RecordFilter): boolean {
	if (!inTeams(record.teamId, filter.teams)) return false;
	if (
		filter.states !== undefined &&
		!filter.states.has(record.state.toLowerCase()) &&
		!filter.states.has(record.label.toLowerCase()) &&
		!filter.states.has(String(record.stateId))
	) {
		return false;
	}
	if (
		filter.reasons !== undefined &&
		(record.reason === null || !filter.reasons.has(record.reason.toLowerCase())) &&
		(record.reasonId === null || !filter.reasons.has(String(record.reasonId)))
	) {
		return false;
	}
	return true;
}
