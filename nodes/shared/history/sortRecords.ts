import type { StateRecord } from '../records/stateRecord';

export type SortOrder = 'startAsc' | 'startDesc' | 'agentStartAsc';

const byAgentId = new Intl.Collator('en', { numeric: true }).compare;

// ISO UTC strings of one format sort like their instants; ties break on recordId for stable output.
function byStart(a: StateRecord, b: StateRecord): number {
	if (a.startTimeUtc !== b.startTimeUtc) return a.startTimeUtc < b.startTimeUtc ? -1 : 1;
	return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

export function sortRecords(records: StateRecord[], order: SortOrder): StateRecord[] {
	if (order === 'startDesc') return records.sort((a, b) => byStart(b, a));
	if (order === 'agentStartAsc') {
		return records.sort((a, b) => byAgentId(a.agentId, b.agentId) || byStart(a, b));
	}
	return records.sort(byStart);
}
