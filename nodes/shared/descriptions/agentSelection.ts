import type { INodeProperties } from 'n8n-workflow';

// Which agents to read: shared by the action node and the trigger so both speak the same words.

/** The subtitle part (an expression without its braces) that says which agents a node reads. */
export const AGENTS_SUBTITLE =
	'($parameter["agentSelection"] === "all" ? "All agents" : $parameter["agentSelection"] === "list" ? ($parameter["agentList"] || []).length + " agents" : "Agents " + $parameter["agentIds"])';
export const agentSelectionProperties: INodeProperties[] = [
	{
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
		default: 'ids',
	},
	{
		displayName: 'Agent Names or IDs',
		name: 'agentList',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		required: true,
		description:
			'The agents to read, active ones first. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { agentSelection: ['list'] } },
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '39260750, 39260751',
		description: 'CXone agent ID(s), comma-separated. Numeric for the CXone Reporting API.',
		displayOptions: { show: { agentSelection: ['ids'] } },
	},
	{
		displayName: 'Team Names or IDs',
		name: 'teamList',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTeams' },
		default: [],
		description:
			'Only agents of these teams; none = all teams. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { agentSelection: ['all'] } },
	},
	{
		displayName: 'Team IDs',
		name: 'teamIds',
		type: 'string',
		default: '',
		placeholder: '205970, 205971',
		description:
			'Only agents of these teams, by ID (comma-separated), together with the teams picked above. Empty: all teams.',
		displayOptions: { show: { agentSelection: ['all'] } },
	},
];
