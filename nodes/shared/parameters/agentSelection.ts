// Reads the Agents block every node shows (descriptions/agentSelection.ts), with the same checks
// and texts everywhere.

import type { AgentScope } from '../history/fetchStateHistory';
import { parseAgentIds, parseTeamIds } from '../history/agentIds';
import type { Flavor } from '../flavors';
import { oneOf } from './choice';
import type { AgentSelection as AgentChoice } from '../descriptions/agentSelection';
import type { ParameterReader } from './reader';

export interface AgentSelection {
	agents: AgentScope;
	/** Team ids to keep with All Agents; undefined = every team. */
	teams?: Set<string>;
}

/** `fallback` is the Agents choice where the node has none stored (the description's default). */
export function readAgentSelection(
	param: ParameterReader,
	flavor: Flavor,
	fallback: AgentChoice = 'ids',
): AgentSelection {
	const selection = oneOf<AgentChoice>(
		param('agentSelection', fallback),
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
