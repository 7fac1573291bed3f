import type { INodeProperties } from 'n8n-workflow';

// Which agents to read: one block, the same names and meanings in every node (the history node,
// the trigger, the CXone node's Get Current and Get Performance); parameters/agentSelection.ts
// reads it.

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export type AgentSelection = 'list' | 'ids' | 'all';

/** The subtitle part (an expression without its braces) that says which agents a node reads. */
export const AGENTS_SUBTITLE =
	'($parameter["agentSelection"] === "all" ? "All agents" : $parameter["agentSelection"] === "list" ? ($parameter["agentList"] || []).length + " agents" : "Agents " + $parameter["agentIds"])';

/** Version 3 of the history node and the trigger, and every new operation, start From List. */
export const FROM_V3 = { '@version': [{ _cnd: { gte: 3 } }] };
export const BEFORE_V3 = { '@version': [1, 2] };

function shown(show: Show, extra: Show = {}): Pick<INodeProperties, 'displayOptions'> {
	const all = { ...show, ...extra };
	return Object.keys(all).length > 0 ? { displayOptions: { show: all } } : {};
}

/** The Agents choice itself; `show` limits it (an operation, a node version). */
export function agentSelector(show: Show, fallback: AgentSelection): INodeProperties {
	return {
		displayName: 'Agents',
		name: 'agentSelection',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From List',
				value: 'list',
				description: "Pick agents from the business unit's agent list (searchable)",
			},
			{
				name: 'Agent IDs',
				value: 'ids',
				description: 'One agent, or a comma-separated list (expressions allowed, per input item)',
			},
			{
				name: 'All Agents',
				value: 'all',
				description: 'Every agent of the business unit (CXone Reporting API flavor only)',
			},
		],
		default: fallback,
		...shown(show),
	};
}

/** The agents and teams the Agents choice asks for. */
export function agentFields(show: Show = {}): INodeProperties[] {
	return [
		{
			displayName: 'Agent Names or IDs',
			name: 'agentList',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getAgents' },
			default: [],
			required: true,
			description:
				'The agents to read, active ones first. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			...shown(show, { agentSelection: ['list'] }),
		},
		{
			displayName: 'Agent IDs',
			name: 'agentIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: '39260750, 39260751',
			description: 'CXone agent ID(s), comma-separated. Numeric for the CXone Reporting API.',
			...shown(show, { agentSelection: ['ids'] }),
		},
		{
			displayName: 'Team Names or IDs',
			name: 'teamList',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTeams' },
			default: [],
			description:
				'Only agents of these teams; none = all teams. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			...shown(show, { agentSelection: ['all'] }),
		},
		{
			displayName: 'Team IDs',
			name: 'teamIds',
			type: 'string',
			default: '',
			placeholder: '205970, 205971',
			description:
				'Only agents of these teams, by ID (comma-separated), together with the teams picked above. Empty: all teams.',
			...shown(show, { agentSelection: ['all'] }),
		},
	];
}

/** The history node's and the trigger's block: Agent IDs first in versions 1–2, From List from 3. */
export const agentSelectionProperties: INodeProperties[] = [
	agentSelector(BEFORE_V3, 'ids'),
	agentSelector(FROM_V3, 'list'),
	...agentFields(),
];
