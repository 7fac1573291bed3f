import type { Flavor } from '../flavors';
import { InputError } from '../errors';

/**
 * Parses the "Agent IDs" parameter: one id, a comma/whitespace-separated list, a number or an array
 * (expressions may yield any of these). Duplicates are dropped, order kept.
 */
export function parseAgentIds(value: unknown, flavor: Flavor, parameter = 'agentIds'): string[] {
	const parts: string[] = [];
	const push = (v: unknown) => {
		if (typeof v === 'number' && Number.isFinite(v)) parts.push(String(v));
		else if (typeof v === 'string') parts.push(...v.split(/[\s,;]+/));
		else if (v !== null && v !== undefined)
			throw new InputError(
				parameter,
				`Agent IDs: "${String(v)}" is not an agent ID. Enter IDs as text, e.g. "39260750, 39260751".`,
			);
	};
	if (Array.isArray(value)) value.forEach(push);
	else push(value);

	const ids = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
	if (ids.length === 0) {
		throw new InputError(
			parameter,
			'Agent IDs is empty. Enter at least one CXone agent ID (e.g. "39260750"), or choose "All Agents".',
		);
	}
	if (flavor.numericAgentIds) {
		const bad = ids.find((id) => !/^\d{1,12}$/.test(id));
		if (bad !== undefined) {
			throw new InputError(
				parameter,
				`Agent IDs: "${bad}" is not numeric. The CXone Reporting API identifies agents by number (e.g. "39260750"); find it in CXone under Admin > Employees.`,
			);
		}
	}
	return ids;
}

/** Parses the optional team filter (numeric ids, text or a picked list); empty means every team. */
export function parseTeamIds(value: unknown, parameter = 'teamIds'): Set<string> | undefined {
	if (value === undefined || value === null) return undefined;
	const ids = (Array.isArray(value) ? value.map(String).join(',') : String(value))
		.split(/[\s,;]+/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
	// A team name here would silently match no record.
	const bad = ids.find((id) => !/^\d{1,12}$/.test(id));
	if (bad !== undefined) {
		throw new InputError(
			parameter,
			`Team IDs: "${bad}" is not numeric. Enter CXone team IDs (numbers, e.g. "205970"), comma-separated, or leave it empty for all teams.`,
		);
	}
	return ids.length ? new Set(ids) : undefined;
}

/** Whether a record of team `teamId` passes the team filter (none = every team, even no team). */
export function inTeams(teamId: string | null, teams: ReadonlySet<string> | undefined): boolean {
	return teams === undefined || teams.size === 0 || (teamId !== null && teams.has(teamId));
}
