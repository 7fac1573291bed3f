import { NodeOperationError } from 'n8n-workflow';

import { cxoneNodeMethods } from '../../../../nodes/shared/methods';
import { createLoadOptionsContext } from '../../../helpers/n8nContext';
import { API, expectAllServed, serve, useNockAndClock } from '../../fixtures/api';
import { agent, listPage } from '../../fixtures/directory';

useNockAndClock();

const { loadOptions, listSearch } = cxoneNodeMethods;
const ctx = (extra = {}) => createLoadOptionsContext({ params: {}, ...extra });

describe('pickers', () => {
	it('agents: every page, active first then by name, "Name (id)" with the team', async () => {
		const seen = serve(`${API}/agents`, [
			listPage('agents', [agent(3, 'Zoe', 'Young'), agent(1, 'Cy', 'Chen', { isActive: false })], {
				totalRecords: 3,
			}),
			listPage('agents', [agent(2, 'Ava', 'Adams', { teamName: 'Sales East' })], {
				totalRecords: 3,
			}),
		]);
		const options = await loadOptions.getAgents.call(ctx());
		expectAllServed();
		expect(seen).toHaveLength(2);
		expect(options).toEqual([
			{ name: 'Ava Adams (2)', value: '2', description: 'Sales East' },
			{ name: 'Zoe Young (3)', value: '3', description: 'Global Help Desk' },
			{ name: 'Cy Chen (1) · inactive', value: '1', description: 'Global Help Desk' },
		]);
	});

	it('agent search: CXone searchString, a page at a time with a pagination token', async () => {
		const first = Array.from({ length: 100 }, (_, i) => agent(1000 + i, 'Ava', `N${i}`));
		const seen = serve(`${API}/agents`, [
			listPage('agents', first, { totalRecords: 101 }),
			listPage('agents', [agent(2000, 'Ava', 'Zed')], { totalRecords: 101 }),
		]);
		const page1 = await listSearch.searchAgents.call(ctx(), ' ava ');
		expect(page1.results).toHaveLength(100);
		expect(page1.paginationToken).toBe('100');
		const page2 = await listSearch.searchAgents.call(ctx(), 'ava', String(page1.paginationToken));
		expect(page2).toEqual({ results: [{ name: 'Ava Zed (2000)', value: '2000' }] });
		expect(seen.map((s) => s.query)).toEqual([
			{ skip: '0', top: '100', searchString: 'ava' },
			{ skip: '100', top: '100', searchString: 'ava' },
		]);
	});

	it('an empty list is an empty dropdown', async () => {
		serve(`${API}/teams`, [[204, '']]);
		expect(await loadOptions.getTeams.call(ctx())).toEqual([]);
	});

	it('a refusal names the permission and the by-ID way out', async () => {
		serve(`${API}/teams`, [[403, { message: 'Forbidden: no Teams permission' }]]);
		const error = (await loadOptions.getTeams.call(ctx()).catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'CXone refused the list of teams (HTTP 403: CXone API request failed with HTTP 403: Forbidden: no Teams permission)',
		);
		expect((error as NodeOperationError).description).toContain('Teams - View');
		expect((error as NodeOperationError).description).toContain('expression');
	});

	it('teams: sorted by name; the unavailable-code picker adds the whole business unit', async () => {
		serve(`${API}/teams`, [
			listPage('teams', [
				{ teamId: 2, teamName: 'Sales East', isActive: true },
				{ teamId: 1, teamName: 'Global Help Desk', isActive: false },
			]),
		]);
		expect(await loadOptions.getTeamsOrBusinessUnit.call(ctx())).toEqual([
			{ name: 'Whole Business Unit', value: '' },
			{ name: 'Global Help Desk (1) · inactive', value: '1' },
			{ name: 'Sales East (2)', value: '2' },
		]);
	});

	it("reasons: the tenant's unavailable codes, then the state names, once each", async () => {
		serve(`${API}/unavailable-codes`, [
			listPage('unavailableCodes', [
				{ id: 78, name: 'Break', isACW: false },
				{ id: 90, name: 'ACW', isACW: true },
				{ id: 91, name: 'available', isACW: false },
			]),
		]);
		const options = await loadOptions.getReasons.call(ctx());
		expect(options.slice(0, 3)).toEqual([
			{ name: 'ACW', value: 'ACW', description: 'Unavailable code (ACW)' },
			{ name: 'available', value: 'available', description: 'Unavailable code' },
			{ name: 'Break', value: 'Break', description: 'Unavailable code' },
		]);
		expect(options.map((o) => o.name)).toContain('Unavailable');
		expect(options.map((o) => o.name)).not.toContain('Available');
	});

	it("timezones: the workflow's first, then every IANA zone", async () => {
		const options = await loadOptions.getTimezones.call(ctx({ timezone: 'Europe/Berlin' }));
		expect(options[0]).toEqual({ name: 'Workflow Timezone (Europe/Berlin)', value: '' });
		const values = options.map((o) => o.value);
		expect(values).toContain('America/New_York');
		expect(values).toContain('UTC');
		expect(values.filter((v) => v === 'Europe/Berlin')).toHaveLength(0);
		expect(new Set(values).size).toBe(values.length);
	});

	it('the Reporting API v2 flavor: a message instead of a list', async () => {
		await expect(
			loadOptions.getAgents.call(ctx({ credentials: { apiFlavor: 'reportingV2' } })),
		).rejects.toThrow(
			'Lists come from the CXone API, and this credential uses the "Reporting API v2" flavor, which has no agent, team or unavailable-code lists. Choose a credential with API Flavor "CXone Reporting API", or enter IDs by expression.',
		);
	});
});
