// Bad parameter values stop the item before any request, with a NodeOperationError whose message
// names the parameter and the fix.
import { NodeOperationError } from 'n8n-workflow';

import type { Params } from '../../helpers/n8nContext';
import type { Ctx } from './fixtures';
import { context, DAY_PARAMS, failure, node, useNockAndClock } from './fixtures';

useNockAndClock();

interface Case {
	name: string;
	params: Params;
	credentials?: Record<string, unknown>;
	message: string | RegExp;
	/** The parameter the description points at (undefined: no description). */
	parameter?: string;
}

const options = (o: Params): Params => ({ options: { ...(DAY_PARAMS.options as Params), ...o } });

const cases: Case[] = [
	{
		name: 'an invalid timezone',
		params: { timezone: 'Mars/Olympus' },
		message:
			'Timezone "Mars/Olympus" is not an IANA timezone name. Use a name like "America/New_York", "Europe/London" or "UTC", or leave it empty for the workflow\'s timezone.',
		parameter: 'timezone',
	},
	{
		name: 'an end that is not after the start',
		params: { start: '2024-05-01T10:00:00Z', end: '2024-05-01T10:00:00Z' },
		message:
			'End (2024-05-01T10:00:00.000Z) must be after Start (2024-05-01T10:00:00.000Z). Pick a later End or an earlier Start.',
		parameter: 'end',
	},
	{
		name: 'a custom range without a start',
		params: { start: '' },
		message: 'Start is empty. A custom range needs both Start and End.',
		parameter: 'start',
	},
	{
		name: 'a custom range without an end',
		params: { end: '  ' },
		message: 'End is empty. A custom range needs both Start and End.',
		parameter: 'end',
	},
	{
		name: 'a start that is not a date',
		params: { start: 'yesterday-ish' },
		message:
			/^Start is not a valid date: "yesterday-ish"\. Use ISO 8601, e\.g\. 2024-05-01T00:00:00/,
		parameter: 'start',
	},
	{
		name: 'a start in the future',
		params: { start: '2024-06-01T00:00:00Z', end: '2024-06-02T00:00:00Z' },
		message:
			'The window starts in the future (2024-06-01T00:00:00.000Z). Choose a start before now.',
		parameter: 'start',
	},
	{
		name: 'hours of 0',
		params: { timeRange: 'lastHours', hours: 0 },
		message: /^Hours must be a number greater than 0 and at most 8784 \(366 days\); got 0\./,
		parameter: 'hours',
	},
	{
		name: 'an empty agent id',
		params: { agentIds: '' },
		message:
			'Agent IDs is empty. Enter at least one CXone agent ID (e.g. "39260750"), or choose "All Agents".',
		parameter: 'agentIds',
	},
	{
		name: 'agent ids that are only separators',
		params: { agentIds: ' , ; ' },
		message: /^Agent IDs is empty\./,
		parameter: 'agentIds',
	},
	{
		name: 'a non-numeric agent id with the CXone flavor',
		params: { agentIds: '39260750, ada.lovelace' },
		message:
			'Agent IDs: "ada.lovelace" is not numeric. The CXone Reporting API identifies agents by number (e.g. "39260750"); find it in CXone under Admin > Employees.',
		parameter: 'agentIds',
	},
	{
		name: 'agent ids that are neither text nor numbers',
		params: { agentIds: [{ id: 1 }] },
		message:
			'Agent IDs: "[object Object]" is not an agent ID. Enter IDs as text, e.g. "39260750, 39260751".',
		parameter: 'agentIds',
	},
	{
		name: 'team ids that are names',
		params: { agentSelection: 'all', teamIds: '205970, Sales' },
		message:
			'Team IDs: "Sales" is not numeric. Enter CXone team IDs (numbers, e.g. "205970"), comma-separated, or leave it empty for all teams.',
		parameter: 'teamIds',
	},
	{
		name: 'an unknown agent selection (from an expression or an import)',
		params: { agentSelection: 'some' },
		message: 'Agents "some" is not supported. Use list, ids or all.',
		parameter: 'agentSelection',
	},
	{
		name: 'an unknown boundary mode',
		params: options({ boundary: 'bogus' }),
		message: 'Boundary Handling "bogus" is not supported. Use clip, asReturned or startInWindow.',
		parameter: 'options.boundary',
	},
	{
		name: 'an unknown sort order',
		params: options({ sort: 'bogus' }),
		message: 'Sort "bogus" is not supported. Use startAsc, startDesc or agentStartAsc.',
		parameter: 'options.sort',
	},
	{
		name: 'all agents with the Reporting API v2 flavor',
		params: { agentSelection: 'all' },
		credentials: { apiFlavor: 'reportingV2' },
		message:
			'Agents: "All Agents" is not available with the Reporting API v2, which has no all-agents endpoint. List the agent IDs instead, or switch the credential\'s API Flavor to "CXone Reporting API".',
	},
	{
		name: 'a state-name override without "="',
		params: options({ stateNameOverrides: '2=Not Ready, 9 Wrap' }),
		message:
			'State name override "9 Wrap" has no "=". Use a JSON object like {"2": "Not Ready", "9": "Wrap"} or id=name pairs separated by commas or new lines, like 2=Not Ready, 9=Wrap.',
		parameter: 'options.stateNameOverrides',
	},
	{
		name: 'a state-name override with a non-numeric id',
		params: options({ stateNameOverrides: 'Break=Pause' }),
		message: /^State name override "Break=Pause": "Break" is not a state id \(a whole number\)\./,
		parameter: 'options.stateNameOverrides',
	},
	{
		name: 'state-name overrides that are broken JSON',
		params: options({ stateNameOverrides: '{"2": "Not Ready"' }),
		message: /^State name overrides are not valid JSON \(.+\)\. Use a JSON object like/,
		parameter: 'options.stateNameOverrides',
	},
	{
		name: 'a page size of 0',
		params: options({ pageSize: 0 }),
		message: 'Page Size must be a whole number from 1 to 10000 (got "0").',
		parameter: 'options.pageSize',
	},
	{
		name: 'a page size above 10000',
		params: options({ pageSize: 20000 }),
		message: 'Page Size must be a whole number from 1 to 10000 (got "20000").',
		parameter: 'options.pageSize',
	},
	{
		name: 'a fractional page size',
		params: options({ pageSize: 12.5 }),
		message: 'Page Size must be a whole number from 1 to 10000 (got "12.5").',
		parameter: 'options.pageSize',
	},
	{
		name: 'a chunk size of 0',
		params: options({ chunkHours: 0 }),
		message: 'Chunk Size (Hours) must be a number above 0 (got "0"). 24 suits most tenants.',
		parameter: 'options.chunkHours',
	},
	{
		name: 'an unknown time range',
		params: { timeRange: 'lastWeek' },
		message: 'Time Range "lastWeek" is not supported. Use lastHours, today, yesterday or custom.',
		parameter: 'timeRange',
	},
	{
		name: 'a chunk size so small the window needs too many requests',
		params: options({ chunkHours: 0.0001 }),
		message:
			'Chunk Size (Hours) of 0.0001 splits the window into more than 100000 requests. Use a larger chunk size; 24 suits most tenants.',
		parameter: 'options.chunkHours',
	},
	{
		name: 'a negative threshold',
		params: options({ thresholdMinutes: -5 }),
		message: 'Flag States Longer Than (Minutes) must be 0 (off) or more (got "-5").',
		parameter: 'options.thresholdMinutes',
	},
];

async function failWith(params: Params, credentials?: Record<string, unknown>) {
	const ctx: Ctx = context({ ...DAY_PARAMS, ...params }, { credentials });
	const error = (await failure(node.execute.call(ctx))) as NodeOperationError;
	return { ctx, error };
}

describe.each(cases)('$name', ({ params, credentials, message, parameter }) => {
	it('is a NodeOperationError naming the parameter and the fix; nothing is requested', async () => {
		const { ctx, error } = await failWith(params, credentials);
		expect(error).toBeInstanceOf(NodeOperationError);
		if (typeof message === 'string') expect(error.message).toBe(message);
		else expect(error.message).toMatch(message);
		if (parameter !== undefined) {
			expect(error.description).toBe(`Check the "${parameter}" parameter.`);
		}
		expect(error.context.itemIndex).toBe(0);
		expect(ctx.harness.authCalls).toEqual([]);
	});
});

it('reports the input item whose parameters are bad', async () => {
	const ctx = context((i) => ({ ...DAY_PARAMS, agentIds: i === 2 ? 'x' : '' }), {
		inputItems: [{ json: {} }, { json: {} }, { json: {} }],
		continueOnFail: true,
	});
	const out = await node.execute.call(ctx);
	expect(out[0].map((i) => [String(i.json.error).slice(0, 22), i.pairedItem])).toEqual([
		['Agent IDs is empty. En', { item: 0 }],
		['Agent IDs is empty. En', { item: 1 }],
		['Agent IDs: "x" is not ', { item: 2 }],
	]);
	expect(out[0][0].json.description).toBe('Check the "agentIds" parameter.');
});
