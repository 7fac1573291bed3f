// Reads the agent-selection block both nodes show (descriptions/agentSelection.ts), with the same
// checks and texts in both.

import type { AgentScope } from '../history/fetchStateHistory';
import { parseAgentIds, parseTeamIds } from '../history/agentIds';
import type { ApiFlavor } from '../types';
import { oneOf } from './choice';

export interface AgentSelection {
	agents: AgentScope;
	/** Team ids to keep with All Agents; undefined = every team. */
	teams?: Set<string>;
}

export function readAgentSelection(
	param: (name: string, fallback?: unknown) => unknown,
	flavor: ApiFlavor,
): AgentSelection {
	const selection = oneOf(
		param('agentSelection', 'ids'),
		['ids', 'all'],
		'agentSelection',
		'Agents',
	);
	if (selection === 'all')
		return { agents: { kind: 'all' }, teams: parseTeamIds(param('teamIds', '')) };
	return { agents: { kind: 'ids', ids: parseAgentIds(param('agentIds', ''), flavor) } };
}
