// The one rule for an agent's display name, wherever the parts come from (a state-history record,
// the agent list, a current state).

/** "First Last" (either alone when the other is missing), else the user name, else null. */
export function agentName(
	first: string | null,
	last: string | null,
	userName: string | null = null,
): string | null {
	if (first !== null) return last !== null ? `${first} ${last}` : first;
	return last ?? userName;
}
