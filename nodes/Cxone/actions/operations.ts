// Every resource and operation of the CXone node: the one table the description and the router
// read, so an operation is added in one place.

import type { INodeProperties } from 'n8n-workflow';

import type { Execute } from './common';

import * as agentGet from './agent/get.operation';
import * as agentGetMany from './agent/getMany.operation';
import * as agentGetPerformance from './agent/getPerformance.operation';
import * as agentStateGetCurrent from './agentState/getCurrent.operation';
import * as teamGetMany from './team/getMany.operation';
import * as unavailableCodeGetMany from './unavailableCode/getMany.operation';

export interface Operation {
	name: string;
	value: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	execute: Execute;
}

export interface Resource {
	name: string;
	value: string;
	operations: Operation[];
}

export const RESOURCES: Resource[] = [
	{
		name: 'Agent',
		value: 'agent',
		operations: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an agent',
				description: 'Get one agent by ID: name, team, active or not',
				properties: agentGet.description,
				execute: agentGet.execute,
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many agents',
				description: 'List agents, searched by name and filtered by team',
				properties: agentGetMany.description,
				execute: agentGetMany.execute,
			},
			{
				name: 'Get Performance',
				value: 'getPerformance',
				action: 'Get agent performance',
				description:
					"Get each agent's totals over a time range: available, unavailable, ACW, login and talk time in seconds, contacts handled, occupancy",
				properties: agentGetPerformance.description,
				execute: agentGetPerformance.execute,
			},
		],
	},
	{
		name: 'Agent State',
		value: 'agentState',
		operations: [
			{
				name: 'Get Current',
				value: 'getCurrent',
				action: 'Get current agent states',
				description:
					'Get the state each agent is in right now (label, e.g. Break), since when (startTime) and for how long (durationSeconds); overThreshold is true when it has lasted longer than its threshold in minutes',
				properties: agentStateGetCurrent.description,
				execute: agentStateGetCurrent.execute,
			},
		],
	},
	{
		name: 'Team',
		value: 'team',
		operations: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many teams',
				description: 'List the teams of the business unit',
				properties: teamGetMany.description,
				execute: teamGetMany.execute,
			},
		],
	},
	{
		name: 'Unavailable Code',
		value: 'unavailableCode',
		operations: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many unavailable codes',
				description: 'List the reasons agents can be Unavailable for (Break, Lunch, ACW codes)',
				properties: unavailableCodeGetMany.description,
				execute: unavailableCodeGetMany.execute,
			},
		],
	},
];

export function findOperation(resource: string, operation: string): Operation | undefined {
	return RESOURCES.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
}
