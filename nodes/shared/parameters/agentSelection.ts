// Reads the agent-selection block both nodes show (descriptions/agentSelection.ts), with the same
// checks and texts in both.

import type { AgentScope } from '../history/fetchStateHistory';
import { parseAgentIds, parseTeamIds } from '../history/agentIds';
import type { Flavor } from '../flavors';
import { oneOf } from './choice';
import type { ParameterReader } from './reader';

export interface AgentSelection {
	agents: AgentScope;
	/** Team ids to keep with All Agents; undefined = every team. */
	teams?: Set<string>;
}

export function readAgentSelection(param: ParameterReader, flavor: Flavor): AgentSelection {
	const selection = oneOf(
		param('agentSelection', 'ids'),
		['list', 'ids', 'all'],
		'agentSelection',
		'Agents',
	);
	if (selection === 'all') {
		const picked = parseTeamIds(param('teamList', []), 'teamList');
		const typed = parseTeamIds(param('teamIds', ''), 'teamIds');
		const teams = picked === undefined ? typed : new Set([...picked, ...(typed ?? [])]);
		return { agents: { kind: 'all' }, teams };
	}
	const ids =
		selection === 'list'
			? parseAgentIds(param('agentList', []), flavor, 'agentList')
			: parseAgentIds(param('agentIds', ''), flavor);
	return { agents: { kind: 'ids', ids } };
}
