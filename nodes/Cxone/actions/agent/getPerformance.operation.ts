// Agent → Get Performance: each agent's totals over a time range (available, unavailable, ACW,
// login, handle and talk times in seconds, counts, occupancy), for every agent or those picked.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	resolveAgentNamesOption,
	timezoneProperty,
} from '../../../shared/descriptions/options';
import { timeRangeProperties } from '../../../shared/descriptions/timeRange';
import { CXONE } from '../../../shared/flavors';
import { loadAgentDirectory } from '../../../shared/history/agentDirectory';
import { parseAgentIds, parseTeamIds } from '../../../shared/history/agentIds';
import { itemParameters } from '../../../shared/parameters/reader';
import { resolveTimeZone } from '../../../shared/parameters/timeZone';
import { readWindow } from '../../../shared/parameters/window';
import { listRecords } from '../../../shared/resources/listRecords';
import type { Execute } from '../common';
import { readRequestSettings } from '../common';
import { PERFORMANCE_RECORDS, performanceItem, performanceQuery } from './performance';

const show = { resource: ['agent'], operation: ['getPerformance'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Only these agents; none = every agent with activity in the window. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
	...timeRangeProperties(show),
	{ ...timezoneProperty('the time range'), displayOptions: { show } },
	{
		...optionsCollection([resolveAgentNamesOption('per input item')]),
		displayOptions: { show },
	},
];

export const execute: Execute = async function (i, apiVersion) {
	const param = itemParameters(this, i);
	const picked = param('agentIds', []);
	const agents =
		Array.isArray(picked) && picked.length === 0 ? [] : parseAgentIds(picked, CXONE, 'agentIds');
	const teams = parseTeamIds(param('teamIds', []), 'teamIds');
	const timeZone = resolveTimeZone(param('timezone', ''), this.getTimezone());
	const window = readWindow(param, timeZone, Date.now());
	const options = (param('options', {}) ?? {}) as IDataObject;
	const { transport } = readRequestSettings(this, i);

	const one = agents.length === 1 ? agents[0] : undefined;
	const query = performanceQuery(apiVersion, window, one);
	const { records } = await listRecords(this, query, PERFORMANCE_RECORDS, transport);
	const wanted = agents.length > 0 ? new Set(agents) : undefined;
	const directory =
		options.resolveAgentNames === false || records.length === 0
			? undefined
			: await loadAgentDirectory.call(this, apiVersion, transport);
	const warnings = directory !== undefined && !directory.ok ? [directory.warning] : [];
	const items: IDataObject[] = [];
	for (const r of records) {
		if (wanted !== undefined && !wanted.has(r.agentId)) continue;
		const info = directory?.ok ? directory.agents.get(r.agentId) : undefined;
		const item = performanceItem(r, window, {
			agentName: info?.agentName ?? null,
			teamId: info?.teamId ?? null,
			teamName: info?.teamName ?? null,
		});
		if (teams !== undefined && (item.teamId === null || !teams.has(item.teamId))) continue;
		items.push(warnings.length > 0 ? { ...item, warnings } : item);
	}
	return items;
};
