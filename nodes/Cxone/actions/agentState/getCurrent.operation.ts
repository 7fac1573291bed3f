// Agent State → Get Current: each agent's state right now, from the Real-Time Data API
// (GET /agents/states): "who is on break now, and for how long" in one request.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection, timezoneProperty } from '../../../shared/descriptions/options';
import { outputModeProperties } from '../../../shared/descriptions/outputMode';
import { thresholdProperties } from '../../../shared/descriptions/thresholds';
import { CXONE, CXONE_STATES } from '../../../shared/flavors';
import { InputError } from '../../../shared/errors';
import { parseAgentIds, parseTeamIds } from '../../../shared/history/agentIds';
import { readOutputMode } from '../../../shared/parameters/outputMode';
import { itemParameters } from '../../../shared/parameters/reader';
import { readThresholdRules } from '../../../shared/parameters/thresholds';
import { resolveTimeZone } from '../../../shared/parameters/timeZone';
import { agentStatesQuery, CURRENT_STATE_RECORDS } from '../../../shared/resources/agentStates';
import { listRecords } from '../../../shared/resources/listRecords';
import { currentStateItem, describeState } from '../../../shared/states/stateItem';
import { toCxoneUtc } from '../../../shared/time/iso';
import { dateValueToMs } from '../../../shared/time/window';
import { CURRENT_STATE_SIMPLIFIED_FIELDS, simplifyCurrentState } from '../../../shared/simplify';
import { thresholdMsFor } from '../../../shared/thresholds';
import { getZoneFormatter } from '../../../shared/time/zone';
import type { Execute } from '../common';
import { readRequestSettings } from '../common';

const show = { resource: ['agentState'], operation: ['getCurrent'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Only these agents; none = every agent of the business unit. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Team Names or IDs',
		name: 'teamIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTeams' },
		default: [],
		description:
			'Only agents of these teams; none = every team. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
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

function idList(value: unknown, parameter: string): string[] {
	const empty =
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0);
	return empty ? [] : parseAgentIds(value, CXONE, parameter);
}

export const execute: Execute = async function (i, apiVersion) {
	const param = itemParameters(this, i);
	const agents = idList(this.getNodeParameter('agentIds', i, []), 'agentIds');
	const teams = parseTeamIds(this.getNodeParameter('teamIds', i, []), 'teamIds') ?? new Set();
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
	const { transport } = readRequestSettings(this, i);
	const one = agents.length === 1 ? agents[0] : undefined;
	const query = agentStatesQuery(apiVersion, one, qs);
	const { records, readAtMs } = await listRecords(this, query, CURRENT_STATE_RECORDS, transport);
	const wanted = agents.length > 0 ? new Set(agents) : undefined;
	const zoned = getZoneFormatter(zone);
	const items = records
		.filter(
			(r) =>
				(wanted === undefined || wanted.has(r.agentId)) &&
				(teams.size === 0 || (r.teamId !== null && teams.has(r.teamId))),
		)
		.map((r) => {
			const d = describeState(CXONE_STATES, r.stateId, r.apiStateName, r.reasonId, r.reasonName);
			const limitMs =
				rules === null ? undefined : (thresholdMsFor(rules, d.state, d.reason) ?? null);
			return currentStateItem(r, d, readAtMs, zoned, limitMs) as unknown as IDataObject;
		});
	return output === 'simplified' ? items.map((item) => simplifyCurrentState(item)) : items;
};
