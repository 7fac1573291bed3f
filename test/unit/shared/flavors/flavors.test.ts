// The API flavor objects: the first page of each flavor's state-history query.
import { V2_PAGES } from '../../../../nodes/shared/api/pageFormats';
import { CXONE, REPORTING_V2, V2_STATE_HISTORY_PATH } from '../../../../nodes/shared/flavors';
import { agentListQuery } from '../../../../nodes/shared/resources/agents';

const DAY = {
	startMs: Date.parse('2024-05-01T00:00:00.000Z'),
	endMs: Date.parse('2024-05-02T00:00:00.000Z'),
};

/** The first page of CXone's state history for `agentId`. */
const cxoneHistory = (apiVersion: string, agentId: string) =>
	CXONE.stateHistory({ apiVersion, agentId, window: DAY, timeZone: 'UTC' });

describe('CXone paths and queries', () => {
	it('builds the per-agent and all-agents state-history paths', () => {
		expect(cxoneHistory('v27.0', '39260750').path).toBe(
			'/inContactAPI/services/v27.0/agents/39260750/state-history',
		);
		expect(cxoneHistory(' v31.0 ', 'all').path).toBe(
			'/inContactAPI/services/v31.0/agents/state-history',
		);
		expect(cxoneHistory('v27.0', 'a/b').path).toBe(
			'/inContactAPI/services/v27.0/agents/a%2Fb/state-history',
		);
		expect(agentListQuery('v27.0').path).toBe('/inContactAPI/services/v27.0/agents');
	});

	it('builds the state-history query with the window as UTC strings', () => {
		// Paging keys are paginate's (test/unit/shared/api/paginate.test.ts).
		const first = cxoneHistory('v27.0', '39260750');
		expect(first.qs).toEqual({
			startDate: '2024-05-01T00:00:00.000Z',
			endDate: '2024-05-02T00:00:00.000Z',
		});
		expect(first.format).toMatchObject({ api: 'CXone', paging: 'offset' });
	});
});

describe('Reporting API v2 queries', () => {
	it('builds the v2 query', () => {
		expect(V2_STATE_HISTORY_PATH).toBe('/reporting/v2/agents/states/history');
		expect(
			REPORTING_V2.stateHistory({
				apiVersion: 'v27.0',
				agentId: 'u-1',
				window: DAY,
				timeZone: 'America/New_York',
			}),
		).toEqual({
			format: V2_PAGES,
			path: V2_STATE_HISTORY_PATH,
			qs: {
				user_id: 'u-1',
				start_date_time: '2024-05-01T00:00:00.000Z',
				end_date_time: '2024-05-02T00:00:00.000Z',
				timezone: 'America/New_York',
			},
		});
	});
});
