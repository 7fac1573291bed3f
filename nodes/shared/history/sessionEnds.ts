// Ends of CXone states that read as open. CXone leaves the duration out (or sends null, or the
// time so far) for an agent's current state; a record like that which a later state of its
// session, or of its agent, follows has ended when that next state began (or at its duration, if
// that ends later; states/normalize.ts). See docs/open-states.md.

import type { SessionPosition } from '../states/normalize';

function sessionKey(p: SessionPosition): string | undefined {
	return p.agentSessionId !== null && p.stateIndex !== null
		? `${p.agentId}\u0000${p.agentSessionId}`
		: undefined;
}

/**
 * For each record of `open`, the start of the state that follows it, or undefined when none of
 * `positions` (every record of the run, inside the window or not, in any order) does: the next
 * `stateIndex` of the same agent session, else (no session ids, or the session's last state) the
 * agent's next start: an agent is in one state at a time, so a later one ends it.
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
		byAgent.set(p.agentId, []);
	}
	for (const q of positions) {
		const key = sessionKey(q);
		if (key !== undefined) bySession.get(key)?.push(q);
		byAgent.get(q.agentId)?.push(q);
	}
	return open.map((p) => {
		const key = sessionKey(p);
		let next: SessionPosition | undefined;
		if (key !== undefined) {
			for (const q of bySession.get(key)!) {
				if (
					q.stateIndex! > p.stateIndex! &&
					(next === undefined || q.stateIndex! < next.stateIndex!)
				)
					next = q;
			}
		}
		if (next === undefined) {
			for (const q of byAgent.get(p.agentId)!) {
				if (q.startMs > p.startMs && (next === undefined || q.startMs < next.startMs)) next = q;
			}
		}
		return next?.startMs;
	});
}
