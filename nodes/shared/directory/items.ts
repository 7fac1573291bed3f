// Validated directory records (records/directoryFields.ts) → the items the CXone node outputs and
// the pickers list. Names follow the state items' contract (agentName, teamName, label...).

import type { IDataObject } from 'n8n-workflow';

import type {
	AgentRecord,
	CurrentStateRecord,
	TeamRecord,
	UnavailableCodeRecord,
} from '../records/directoryFields';
import { formatDuration } from '../records/durations';
import { isNoReason, resolveStateName, stateCategory } from '../states/stateTables';
import { formatUtcIso } from '../time/iso';
import type { ZoneFormatter } from '../time/zone';

/** "First Last", else the user name, else null. */
export function fullName(
	first: string | null,
	last: string | null,
	userName: string | null,
): string | null {
	const joined = [first, last].filter((p): p is string => p !== null).join(' ');
	return joined !== '' ? joined : userName;
}

export function agentItem(r: AgentRecord): IDataObject {
	return {
		agentId: r.agentId,
		agentName: fullName(r.firstName, r.lastName, r.userName),
		firstName: r.firstName,
		lastName: r.lastName,
		userName: r.userName,
		emailAddress: r.emailAddress,
		isActive: r.isActive,
		teamId: r.teamId,
		teamName: r.teamName,
		isSupervisor: r.isSupervisor,
		timeZone: r.timeZone,
	};
}

export function teamItem(r: TeamRecord): IDataObject {
	return {
		teamId: r.teamId,
		teamName: r.teamName,
		isActive: r.isActive,
		agentCount: r.agentCount,
		description: r.description,
	};
}

/** `agentTimeoutMins`: after how many minutes in this code CXone logs the agent out (null = never). */
export function unavailableCodeItem(r: UnavailableCodeRecord): IDataObject {
	return {
		id: r.id,
		name: r.name,
		isActive: r.isActive,
		isAcw: r.isAcw,
		agentTimeoutMins: r.agentTimeoutMins,
	};
}

/** The threshold for a state (ms), or undefined when none applies. */
export type ThresholdLookup = (state: string, reason: string | null) => number | undefined;

/**
 * An agent's state right now. `readAtMs` is when CXone read it (lastPollTime, never later than the
 * answer's arrival): the duration so far runs to it. Without a start (no state yet) the times
 * and durations are null.
 */
export function currentStateItem(
	r: CurrentStateRecord,
	readAtMs: number,
	zoned: ZoneFormatter,
	thresholdFor?: ThresholdLookup,
): IDataObject {
	const state = resolveStateName('cxone', r.stateId, r.apiStateName);
	const noReason = isNoReason(r.reasonId);
	const reason = noReason ? null : r.reasonName;
	const durationMs = r.startMs === null ? null : Math.max(0, readAtMs - r.startMs);
	const durationSeconds = durationMs === null ? null : durationMs / 1000;
	const item: IDataObject = {
		agentId: r.agentId,
		agentName: fullName(r.firstName, r.lastName, r.userName),
		teamId: r.teamId,
		teamName: r.teamName,
		stateId: r.stateId,
		state,
		reasonId: noReason ? null : r.reasonId,
		reason,
		label: reason ?? state,
		category: stateCategory('cxone', r.stateId),
		startTimeUtc: r.startMs === null ? null : formatUtcIso(r.startMs),
		startTime: r.startMs === null ? null : zoned(r.startMs),
		durationSeconds,
		durationFormatted: durationSeconds === null ? null : formatDuration(durationSeconds),
		isOpen: true,
		isAcw: r.isAcw,
		skillName: r.skillName,
		contactId: r.contactId,
		lastUpdateTimeUtc: r.lastUpdateMs === null ? null : formatUtcIso(r.lastUpdateMs),
		readAtUtc: formatUtcIso(readAtMs),
	};
	if (thresholdFor !== undefined) {
		const limit = thresholdFor(state, reason);
		item.overThreshold = limit !== undefined && durationMs !== null && durationMs > limit;
	}
	return item;
}
