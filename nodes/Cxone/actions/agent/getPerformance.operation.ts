// Agent → Get Performance: each agent's totals over a time range (available, unavailable, ACW,
// login, handle and talk times in seconds, counts, occupancy), for every agent or those picked.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	resolveAgentNamesOption,
	singleRequestOptions,
	timezoneProperty,
} from '../../../shared/descriptions/options';
import { agentFields, agentSelector } from '../../../shared/descriptions/agentSelection';
import { timeRangeProperties } from '../../../shared/descriptions/timeRange';
import { CXONE } from '../../../shared/flavors';
import { loadAgentDirectory } from '../../../shared/history/agentDirectory';
import { inTeams } from '../../../shared/history/agentIds';
import { readAgentSelection } from '../../../shared/parameters/agentSelection';
import { itemParameters } from '../../../shared/parameters/reader';
import { resolveTimeZone } from '../../../shared/parameters/timeZone';
import { readWindow } from '../../../shared/parameters/window';
import { listRecords } from '../../../shared/resources/listRecords';
import { formatUtcIso } from '../../../shared/time/iso';
import { getZoneFormatter } from '../../../shared/time/zone';
import type { Execute } from '../common';
import { pickedAgents, readRequestSettings } from '../common';
import { performanceItem, performanceQuery } from './performance';

const show = { resource: ['agent'], operation: ['getPerformance'] };

export const description: INodeProperties[] = [
	// All Agents by default: one request answers for every agent.
	agentSelector(show, 'all'),
	...agentFields(show),
	...timeRangeProperties(show),
	{ ...timezoneProperty('the time range'), displayOptions: { show } },
	{
		...optionsCollection([resolveAgentNamesOption('per input item')], singleRequestOptions),
		displayOptions: { show },
	},
];

export const execute: Execute = async function (i, apiVersion) {
	const param = itemParameters(this, i);
	const { agents: scope, teams } = readAgentSelection(param, CXONE, 'all');
	const picked = pickedAgents(scope.kind === 'ids' ? scope.ids : []);
	const timeZone = resolveTimeZone(param('timezone', ''), this.getTimezone());
	const window = readWindow(param, timeZone, Date.now());
	const options = (param('options', {}) ?? {}) as IDataObject;
	const { transport } = readRequestSettings.call(this, i);

	// An empty window (Today at local midnight) has no totals: CXone is not asked.
	const { records } =
		window.endMs > window.startMs
			? await listRecords(this, performanceQuery(apiVersion, window, picked.one), transport)
			: { records: [] };
	const directory =
		options.resolveAgentNames === false || records.length === 0
			? undefined
			: await loadAgentDirectory.call(this, apiVersion, transport);
	const warnings = directory !== undefined && !directory.ok ? [directory.warning] : [];
	const zoned = getZoneFormatter(timeZone);
	const items: IDataObject[] = [];
	for (const r of records) {
		if (!picked.has(r.agentId)) continue;
		const info = directory?.ok ? directory.agents.get(r.agentId) : undefined;
		const item = performanceItem(r, window, zoned, info);
		if (!inTeams(item.teamId, teams)) continue;
		items.push(warnings.length > 0 ? { ...item, warnings } : item);
	}
	// Nothing found is an answer, not silence, as in the history node.
	if (items.length === 0) {
		items.push({
			itemType: 'noRecords',
			message: 'No agent activity in this window',
			windowStartUtc: formatUtcIso(window.startMs),
			windowEndUtc: formatUtcIso(window.endMs),
		});
	}
	return items;
};
