// Agent performance totals over a time range (`GET /agents/performance`, every agent, or
// `GET /agents/{agentId}/performance`, one): the field table that reads CXone's shapes (times as
// ISO-8601 durations with days or numbers of seconds, counts and percentages as numbers or
// strings, any casing), the query and the item. The formulas of occupancy and workingRate are
// CXone's, sent as they are.

import {
	lenient,
	numericId,
	optDuration,
	optId,
	optInt,
	optNumber,
} from '../../../shared/records/kinds';
import type { ListQuery, ResourceRecord } from '../../../shared/resources/listResource';
import { listQuery, listResource } from '../../../shared/resources/listResource';
import { servicesPath } from '../../../shared/resources/services';
import { formatUtcIso, toCxoneUtc } from '../../../shared/time/iso';
import type { AgentInfo } from '../../../shared/history/agentDirectory';
import type { ZoneFormatter } from '../../../shared/time/zone';
import type { TimeWindow } from '../../../shared/types';

/** `agentPerformance[]`, in CXone's order; every `…Time` is read as seconds. Not paged. */
export const PERFORMANCE = listResource('agent performance', 'agentPerformance', {
	agentId: numericId,
	teamId: optId,
	agentOffered: optInt,
	inboundHandled: optInt,
	inboundTime: optDuration,
	inboundTalkTime: optDuration,
	inboundAvgTalkTime: optDuration,
	outboundHandled: optInt,
	outboundTime: optDuration,
	outboundTalkTime: optDuration,
	outboundAvgTalkTime: optDuration,
	totalHandled: optInt,
	totalTalkTime: optDuration,
	totalAvgTalkTime: optDuration,
	totalAvgHandleTime: optDuration,
	consultTime: optDuration,
	availableTime: optDuration,
	unavailableTime: optDuration,
	acwTime: optDuration,
	refused: optInt,
	percentRefused: lenient(optNumber),
	loginTime: optDuration,
	workingRate: lenient(optNumber),
	occupancy: lenient(optNumber),
});

/** Every agent's totals over the window, or one agent's. */
export function performanceQuery(
	apiVersion: string,
	window: TimeWindow,
	agentId?: string,
): ListQuery<PerformanceRecord> {
	const path =
		agentId === undefined
			? servicesPath(apiVersion, 'agents', 'performance')
			: servicesPath(apiVersion, 'agents', agentId, 'performance');
	const qs = { startDate: toCxoneUtc(window.startMs), endDate: toCxoneUtc(window.endMs) };
	return listQuery(PERFORMANCE, path, qs, 'single');
}

type Totals = Omit<PerformanceRecord, 'agentId' | 'teamId'>;

/** One agent's totals: who, the window (UTC and in the chosen zone), then CXone's figures. */
export type PerformanceItem = {
	agentId: string;
	agentName: string | null;
	teamId: string | null;
	teamName: string | null;
	windowStartUtc: string;
	windowEndUtc: string;
	windowStart: string;
	windowEnd: string;
} & Totals;

export function performanceItem(
	r: PerformanceRecord,
	window: TimeWindow,
	zoned: ZoneFormatter,
	info: AgentInfo = {},
): PerformanceItem {
	const { agentId, teamId, ...totals } = r;
	const team = teamId ?? info.teamId ?? null;
	return {
		agentId,
		agentName: info.agentName ?? null,
		teamId: team,
		// The list's team name only for the team the totals name (an agent may have moved since).
		teamName: team !== null && team === info.teamId ? (info.teamName ?? null) : null,
		windowStartUtc: formatUtcIso(window.startMs),
		windowEndUtc: formatUtcIso(window.endMs),
		windowStart: zoned(window.startMs),
		windowEnd: zoned(window.endMs),
		...totals,
	};
}

/** The validated record (the table above, with its kinds' types). */
export type PerformanceRecord = ResourceRecord<typeof PERFORMANCE>;
