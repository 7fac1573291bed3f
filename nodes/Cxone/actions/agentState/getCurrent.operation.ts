// Agent State → Get Current: each agent's state right now, from the Real-Time Data API
// (GET /agents/states): "who is on break now, and for how long" in one request.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { agentFields, agentSelector } from '../../../shared/descriptions/agentSelection';
import { optionsCollection, timezoneProperty } from '../../../shared/descriptions/options';
import { outputModeProperties } from '../../../shared/descriptions/outputMode';
import { thresholdProperties } from '../../../shared/descriptions/thresholds';
import { CXONE, CXONE_STATES } from '../../../shared/flavors';
import { InputError } from '../../../shared/errors';
import { inTeams, parseAgentIds, parseTeamIds } from '../../../shared/history/agentIds';
import { readOutputMode } from '../../../shared/parameters/outputMode';
import { readAgentSelection } from '../../../shared/parameters/agentSelection';
import { itemParameters } from '../../../shared/parameters/reader';
import type { ParameterReader } from '../../../shared/parameters/reader';
import { readThresholdRules } from '../../../shared/parameters/thresholds';
import { resolveTimeZone } from '../../../shared/parameters/timeZone';
import { agentStatesQuery } from '../../../shared/resources/agentStates';
import { listRecords } from '../../../shared/resources/listRecords';
import { currentStateItem, describeState } from '../../../shared/states/stateItem';
import { toCxoneUtc } from '../../../shared/time/iso';
import { dateValueToMs } from '../../../shared/time/window';
import { CURRENT_STATE_SIMPLIFIED_FIELDS, simplifyCurrentState } from '../../../shared/simplify';
import { thresholdMsFor } from '../../../shared/thresholds';
import { getZoneFormatter } from '../../../shared/time/zone';
import type { Execute } from '../common';
import { pickedAgents, readRequestSettings } from '../common';

const show = { resource: ['agentState'], operation: ['getCurrent'] };

// Version 1 picked agents and teams with its own two lists; version 2 uses the Agents block every
// other node shows, so agentIds and teamIds mean the same everywhere.
const V1 = { ...show, '@version': [1] };
const FROM_V2 = { ...show, '@version': [{ _cnd: { gte: 2 } }] };

export const description: INodeProperties[] = [
	agentSelector(FROM_V2, 'all'),
	...agentFields(FROM_V2),
	{
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Only these agents; none = every agent of the business unit. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: V1 },
	},
	{
		displayName: 'Team Names or IDs',
		name: 'teamIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTeams' },
		default: [],
		description:
			'Only agents of these teams; none = every team. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: V1 },
	},
	...outputModeProperties(show, {
		item: 'current state',
		fields: CURRENT_STATE_SIMPLIFIED_FIELDS,
	}),
	{
		...optionsCollection([
			...thresholdProperties(
				'Sets overThreshold: true on agents whose current state has lasted longer than its minutes (e.g. Break 15, Lunch 60)',
			),
			timezoneProperty('startTime'),
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only agents whose state changed at or after this instant',
			},
		]),
		displayOptions: { show },
	},
];

/** Agent ids to keep (none = every agent) and team ids to keep (none = every team). */
function readAgents(
	param: ParameterReader,
	version: number,
): { agents: string[]; teams: Set<string> } {
	if (version >= 2) {
		const { agents, teams } = readAgentSelection(param, CXONE, 'all');
		return { agents: agents.kind === 'ids' ? agents.ids : [], teams: teams ?? new Set() };
	}
	const value = param('agentIds', []);
	const empty =
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0);
	return {
		agents: empty ? [] : parseAgentIds(value, CXONE, 'agentIds'),
		teams: parseTeamIds(param('teamIds', []), 'teamIds') ?? new Set(),
	};
}

export const execute: Execute = async function (i, apiVersion) {
	const param = itemParameters(this, i);
	const { agents, teams } = readAgents(param, this.getNode().typeVersion);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const zone = resolveTimeZone(options.timezone, this.getTimezone());
	const rules = readThresholdRules(param, 'options.thresholds');
	const output = readOutputMode(param, this.getNode());
	const qs: IDataObject = {};
	if (options.updatedSince !== undefined && options.updatedSince !== '') {
		// Like the history node's Start and End: a date-time without offset is in the zone above.
		const ms = dateValueToMs(options.updatedSince, zone);
		if (!Number.isFinite(ms)) {
			throw new InputError(
				'options.updatedSince',
				`Updated Since "${String(options.updatedSince)}" is not a date-time. Pick one, or use an ISO 8601 instant such as 2024-05-01T13:00:00Z.`,
			);
		}
		qs.updatedSince = toCxoneUtc(ms);
	}
	const { transport } = readRequestSettings.call(this, i);
	const picked = pickedAgents(agents);
	const query = agentStatesQuery(apiVersion, picked.one, qs);
	const { records, readAtMs } = await listRecords(this, query, transport);
	const zoned = getZoneFormatter(zone);
	const items = records
		.filter((r) => picked.has(r.agentId) && inTeams(r.teamId, teams))
		.map((r) => {
			const d = describeState(CXONE_STATES, r.stateId, r.apiStateName, r.reasonId, r.reasonName);
			const limitMs =
				rules === null ? undefined : (thresholdMsFor(rules, d.state, d.reason) ?? null);
			return currentStateItem(r, d, readAtMs, zoned, limitMs) as unknown as IDataObject;
		});
	return output === 'simplified' ? items.map((item) => simplifyCurrentState(item)) : items;
};
