// Agent → Get Performance's field table (nodes/Cxone/actions/agent/performance.ts): each CXone
// shape a tenant may send (absent, null, numbers as strings, ISO durations with days, PascalCase,
// a rate that is not a number) read to the item a person expects.
import { PERFORMANCE, performanceItem } from '../../../nodes/Cxone/actions/agent/performance';
import { getZoneFormatter } from '../../../nodes/shared/time/zone';

const parse = (raw: unknown) => {
	const result = PERFORMANCE.records.parse(raw);
	if (!result.ok) throw new Error(result.message);
	return result.value;
};

const window = {
	startMs: Date.parse('2024-05-07T04:00:00Z'),
	endMs: Date.parse('2024-05-08T04:00:00Z'),
};

describe('agent performance records', () => {
	it('reads durations with days, counts and rates sent as strings', () => {
		expect(
			parse({
				agentId: '39260750',
				teamId: 205970,
				inboundHandled: '7',
				loginTime: 'P1DT19H18M29.651S',
				availableTime: 'PT1H',
				inboundTime: 125.5,
				occupancy: '36.81',
				workingRate: 89.7,
				percentRefused: '0.00',
			}),
		).toMatchObject({
			agentId: '39260750',
			teamId: '205970',
			inboundHandled: 7,
			loginTime: 155909.651,
			availableTime: 3600,
			inboundTime: 125.5,
			occupancy: 36.81,
			workingRate: 89.7,
			percentRefused: 0,
		});
	});

	it('an absent, null or empty figure is null, not zero', () => {
		const r = parse({ agentId: 1, acwTime: null, refused: '', occupancy: null });
		expect([r.acwTime, r.refused, r.occupancy, r.loginTime, r.teamId]).toEqual([
			null,
			null,
			null,
			null,
			null,
		]);
	});

	it('reads the older PascalCase names alike', () => {
		expect(parse({ AgentId: 5, AvailableTime: 'PT30M', TotalHandled: '3' })).toMatchObject({
			agentId: '5',
			availableTime: 1800,
			totalHandled: 3,
		});
	});

	it('a rate that is not a number is null; a time that is not a duration names the field', () => {
		expect(parse({ agentId: 1, occupancy: '36,81%' }).occupancy).toBeNull();
		const bad = PERFORMANCE.records.parse({ agentId: 1, loginTime: 'soon' });
		expect(bad).toMatchObject({ ok: false, field: 'loginTime' });
		expect(PERFORMANCE.records.parse({ teamId: 1 })).toMatchObject({ ok: false, field: 'agentId' });
	});
});

describe('performanceItem', () => {
	const zoned = getZoneFormatter('America/New_York');

	it("names the agent from the list, the team's name only for the team the totals name", () => {
		const r = parse({ agentId: 1, teamId: 10, loginTime: 'PT8H' });
		expect(
			performanceItem(r, window, zoned, { agentName: 'Ada', teamId: '10', teamName: 'Ten' }),
		).toMatchObject({
			agentId: '1',
			agentName: 'Ada',
			teamId: '10',
			teamName: 'Ten',
			windowStartUtc: '2024-05-07T04:00:00.000Z',
			windowEnd: '2024-05-08T00:00:00.000-04:00',
			loginTime: 28800,
		});
		// The agent has moved to team 20 since: the totals' team 10 keeps no name.
		expect(
			performanceItem(r, window, zoned, { agentName: 'Ada', teamId: '20', teamName: 'Twenty' }),
		).toMatchObject({ teamId: '10', teamName: null });
		// No team in the totals: the list's team and name.
		const noTeam = parse({ agentId: 1 });
		expect(
			performanceItem(noTeam, window, zoned, { teamId: '20', teamName: 'Twenty' }),
		).toMatchObject({ agentName: null, teamId: '20', teamName: 'Twenty' });
	});
});
