// The node's description: parameter names and defaults are part of saved workflows.
import type { INodeProperties } from 'n8n-workflow';

import { node } from './fixtures';

const d = node.description;
const FROM_V2 = { '@version': [{ _cnd: { gte: 2 } }] };
const byName = new Map(d.properties.map((p) => [p.name, p]));
const options = new Map(
	((byName.get('options')?.options ?? []) as INodeProperties[]).map((o) => [o.name, o]),
);

it('is an action node on the shared credential, usable as a tool', () => {
	expect(d).toMatchObject({
		name: 'cxoneAgentStateHistory',
		displayName: 'CXone Agent State History',
		version: [1, 2, 3],
		defaultVersion: 3,
		inputs: ['main'],
		outputs: ['main'],
		usableAsTool: true,
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
	});
	expect(typeof node.methods.credentialTest.cxoneOAuth2ApiTest).toBe('function');
});

it('keeps its parameter names and defaults', () => {
	expect([...byName.keys()]).toEqual([
		'agentSelection',
		'agentList',
		'agentIds',
		'teamList',
		'teamIds',
		'timeRange',
		'hours',
		'start',
		'end',
		'timezone',
		'splitIntoItems',
		'output',
		'options',
	]);
	expect(
		Object.fromEntries(
			[...byName.values()].filter((p) => p.name !== 'options').map((p) => [p.name, p.default]),
		),
	).toEqual({
		// The last of the two Agents properties: From List from version 3 (Agent IDs before).
		agentSelection: 'list',
		agentList: [],
		agentIds: '',
		teamList: [],
		teamIds: '',
		timeRange: 'lastHours',
		hours: 24,
		start: '',
		end: '',
		timezone: '',
		splitIntoItems: true,
		// The last of the two Output properties: Simplified as an AI Agent's tool.
		output: 'simplified',
	});
	expect(Object.fromEntries([...options.values()].map((o) => [o.name, o.default]))).toEqual({
		boundary: 'clip',
		chunkHours: 24,
		thresholdLabels: '',
		thresholdMinutes: 0,
		includeRaw: false,
		includeSummary: false,
		resolveAgentNames: true,
		skipInvalid: false,
		sort: 'startAsc',
		stateNameOverrides: '',
		thresholds: {},
		otherStatesMinutes: 0,
		concurrency: 4,
		maxPages: 1000,
		maxRecords: 500000,
		maxRetries: 5,
		pageSize: 1000,
		timeoutSeconds: 60,
	});
});

it('picks agents by ID in versions 1 and 2 and From List from version 3', () => {
	const selectors = d.properties.filter((p) => p.name === 'agentSelection');
	expect(selectors.map((p) => [p.default, p.displayOptions])).toEqual([
		['ids', { show: { '@version': [1, 2] } }],
		['list', { show: { '@version': [{ _cnd: { gte: 3 } }] } }],
	]);
});

it('shows Agent IDs, Team IDs, Hours and the custom dates only where they apply', () => {
	expect(byName.get('agentIds')?.displayOptions).toEqual({ show: { agentSelection: ['ids'] } });
	expect(byName.get('teamIds')?.displayOptions).toEqual({ show: { agentSelection: ['all'] } });
	expect(byName.get('agentList')?.displayOptions).toEqual({ show: { agentSelection: ['list'] } });
	expect(byName.get('agentList')?.typeOptions).toEqual({ loadOptionsMethod: 'getAgents' });
	expect(byName.get('teamList')?.typeOptions).toEqual({ loadOptionsMethod: 'getTeams' });
	expect(byName.get('timezone')?.typeOptions).toEqual({ loadOptionsMethod: 'getTimezones' });
	expect(byName.get('hours')?.displayOptions).toEqual({ show: { timeRange: ['lastHours'] } });
	expect(byName.get('start')?.displayOptions).toEqual({ show: { timeRange: ['custom'] } });
	expect(byName.get('end')?.displayOptions).toEqual({ show: { timeRange: ['custom'] } });
});

it('shows the single threshold in version 1 only, the Thresholds rows and Output from version 2', () => {
	expect(options.get('thresholdMinutes')?.displayOptions).toEqual({ show: { '@version': [1] } });
	expect(options.get('thresholdLabels')?.displayOptions).toEqual({ show: { '@version': [1] } });
	expect(options.get('thresholds')?.displayOptions).toEqual({ show: FROM_V2 });
	expect(options.get('otherStatesMinutes')?.displayOptions).toEqual({ show: FROM_V2 });
	const outputs = d.properties.filter((p) => p.name === 'output');
	expect(outputs.map((p) => [p.default, p.displayOptions])).toEqual([
		['all', { show: { ...FROM_V2, '@tool': [false] } }],
		['simplified', { show: { ...FROM_V2, '@tool': [true] } }],
	]);
	expect(options.get('thresholds')).toMatchObject({
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		options: [
			{
				name: 'rules',
				values: [
					{
						name: 'label',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getReasons' },
						default: '',
					},
					{ name: 'minutes', type: 'number', default: 15 },
				],
			},
		],
	});
});
