// Ends of CXone states that came without a duration. CXone leaves the duration out (or sends
// null) for a session's current state; a record like that which is not its session's last state
// ended when the next state began. See docs/open-states.md.

import type { SessionPosition } from '../states/normalize';

function sessionKey(p: SessionPosition): string | undefined {
	return p.agentSessionId !== null && p.stateIndex !== null
		? `${p.agentId}\u0000${p.agentSessionId}`
		: undefined;
}

/** Whether `q` comes after `p` in its session (by stateIndex), or for its agent (by start). */
function follows(q: SessionPosition, p: SessionPosition, bySession: boolean): boolean {
	return bySession ? q.stateIndex! > p.stateIndex! : q.startMs > p.startMs;
}

/** Whether `q` is nearer after `p` than `best`. */
function nearer(q: SessionPosition, best: SessionPosition, bySession: boolean): boolean {
	return bySession ? q.stateIndex! < best.stateIndex! : q.startMs < best.startMs;
}

/**
 * For each record of `open`, the start of the state that follows it, or undefined when none of
 * `positions` (every record of the run, inside the window or not, in any order) does: the next
 * `stateIndex` of the same agent session, or without session ids the agent's next start.
 */
export function nextStateStarts(
	open: readonly SessionPosition[],
	positions: Iterable<SessionPosition>,
): Array<number | undefined> {
	const bySession = new Map<string, SessionPosition[]>();
	const byAgent = new Map<string, SessionPosition[]>();
	for (const p of open) {
		const key = sessionKey(p);
		if (key !== undefined) bySession.set(key, []);
		else byAgent.set(p.agentId, []);
	}
	for (const q of positions) {
		const key = sessionKey(q);
		if (key !== undefined) bySession.get(key)?.push(q);
		byAgent.get(q.agentId)?.push(q);
	}
	return open.map((p) => {
		const key = sessionKey(p);
		const inSession = key !== undefined;
		const candidates = inSession ? bySession.get(key)! : byAgent.get(p.agentId)!;
		let best: SessionPosition | undefined;
		for (const q of candidates) {
			if (follows(q, p, inSession) && (best === undefined || nearer(q, best, inSession))) best = q;
		}
		return best?.startMs;
	});
}
