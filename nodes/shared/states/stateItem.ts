// The one builder of state items: a state of the history (the history node and the trigger) and
// an agent's state right now (Get Current) name the state, its reason, label and category, and
// the agent, by the same rules, with times and durations formatted the same way.

import type { StateTables } from '../flavors';
import { agentName } from '../records/agentName';
import { formatDuration } from '../records/durations';
import type { ValidRecord } from '../records/fields';
import type { StateCategory, StateRecord } from '../records/stateRecord';
import { formatUtcIso } from '../time/iso';
import type { ZoneFormatter } from '../time/zone';
import type { StateNameOverrides } from './stateTables';
import { isNoReason } from './stateTables';

/** Which state, which reason (none for CXone's 0), its label and category. */
export interface StateDescription {
	state: string;
	reasonId: number | null;
	reason: string | null;
	label: string;
	category: StateCategory;
}

/**
 * Name precedence: the user's override, then the API's own name, then the flavor's table. The
 * category always comes from the id, never from a (renamed) name.
 */
export function describeState(
	tables: StateTables,
	stateId: number,
	apiStateName: string | null,
	reasonId: number | null,
	reasonName: string | null,
	overrides?: StateNameOverrides,
): StateDescription {
	const override = overrides?.[stateId];
	const state =
		override ??
		(apiStateName !== null && apiStateName !== ''
			? apiStateName
			: (tables.names[stateId] ?? `Unknown (${stateId})`));
	const noReason = isNoReason(reasonId);
	const reason = noReason ? null : reasonName;
	return {
		state,
		reasonId: noReason ? null : reasonId,
		reason,
		label: reason ?? state,
		category: tables.categories[stateId] ?? 'unknown',
	};
}

/** Where a history state ends, as the flavor's end rule (flavors/) decided it. */
export interface HistoryEnd {
	endMs: number;
	isOpen: boolean;
}

/**
 * One state of the history as the nodes output it (records/stateRecord.ts), in the contract's
 * order, from its validated record `r`; the caller adds the window, threshold and carried fields.
 * One literal and no intermediate object: this runs once per record, and built key by key the
 * object's storage grew (was reallocated) several times.
 */
export function historyItem(
	r: ValidRecord,
	recordId: string,
	agentName: string | null,
	d: StateDescription,
	end: HistoryEnd,
	zoned: ZoneFormatter,
	startTimeUtc: string,
): StateRecord {
	const { agentId } = r;
	const { endMs, isOpen } = end;
	const durationSeconds = (endMs - r.startMs) / 1000;
	const record: StateRecord = {
		recordId,
		agentId,
		teamId: r.teamId,
		agentSessionId: r.agentSessionId,
		stateIndex: r.stateIndex,
		stateId: r.stateId,
		state: d.state,
		reasonId: d.reasonId,
		reason: d.reason,
		label: d.label,
		category: d.category,
		startTimeUtc,
		// An open state has no end yet; its duration runs to the read instant.
		endTimeUtc: isOpen ? null : formatUtcIso(endMs),
		startTime: zoned(r.startMs),
		endTime: isOpen ? null : zoned(endMs),
		durationSeconds,
		durationFormatted: formatDuration(durationSeconds),
		isOpen,
	};
	// Optional names sit after agentId: a spread keeps the leading keys' order (and values).
	const { teamName } = r;
	if (agentName === null && teamName === null) return record;
	const rest: Omit<StateRecord, 'recordId' | 'agentId'> = record;
	if (agentName === null) return { recordId, agentId, teamName: teamName as string, ...rest };
	return teamName !== null
		? { recordId, agentId, agentName, teamName, ...rest }
		: { recordId, agentId, agentName, ...rest };
}

/** An agent's state right now (CXone node, Agent State → Get Current). */
export interface CurrentStateItem extends StateDescription {
	agentId: string;
	agentName: string | null;
	teamId: string | null;
	teamName: string | null;
	stateId: number;
	startTimeUtc: string | null;
	startTime: string | null;
	durationSeconds: number | null;
	durationFormatted: string | null;
	isOpen: true;
	isAcw: boolean | null;
	skillName: string | null;
	contactId: string | null;
	lastUpdateTimeUtc: string | null;
	readAtUtc: string;
	overThreshold?: boolean;
}

/** What a current-state item is built from (resources/agentStates.ts reads it). */
export interface CurrentParts {
	agentId: string;
	firstName: string | null;
	lastName: string | null;
	userName: string | null;
	teamId: string | null;
	teamName: string | null;
	stateId: number;
	startMs: number | null;
	lastUpdateMs: number | null;
	isAcw: boolean | null;
	skillName: string | null;
	contactId: string | null;
}

/**
 * `readAtMs` is when CXone read it (lastPollTime, never later than the answer's arrival): the
 * duration so far runs to it. Without a start (no state yet) the times and durations are null.
 * `limitMs` is the state's threshold, when it has one.
 */
export function currentStateItem(
	p: CurrentParts,
	d: StateDescription,
	readAtMs: number,
	zoned: ZoneFormatter,
	limitMs?: number | null,
): CurrentStateItem {
	const durationMs = p.startMs === null ? null : Math.max(0, readAtMs - p.startMs);
	const durationSeconds = durationMs === null ? null : durationMs / 1000;
	const item: CurrentStateItem = {
		agentId: p.agentId,
		agentName: agentName(p.firstName, p.lastName, p.userName),
		teamId: p.teamId,
		teamName: p.teamName,
		stateId: p.stateId,
		...d,
		startTimeUtc: p.startMs === null ? null : formatUtcIso(p.startMs),
		startTime: p.startMs === null ? null : zoned(p.startMs),
		durationSeconds,
		durationFormatted: durationSeconds === null ? null : formatDuration(durationSeconds),
		isOpen: true,
		isAcw: p.isAcw,
		skillName: p.skillName,
		contactId: p.contactId,
		lastUpdateTimeUtc: p.lastUpdateMs === null ? null : formatUtcIso(p.lastUpdateMs),
		readAtUtc: formatUtcIso(readAtMs),
	};
	if (limitMs !== undefined) {
		item.overThreshold = limitMs !== null && durationMs !== null && durationMs > limitMs;
	}
	return item;
}
