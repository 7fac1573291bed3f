// describeState: a state's name (override, API name, the flavor's table, Unknown) and category.
import { CXONE_STATES, V2_STATES } from '../../../../nodes/shared/flavors';
import type { StateTables } from '../../../../nodes/shared/flavors';
import { describeState } from '../../../../nodes/shared/states/stateItem';
import type { StateNameOverrides } from '../../../../nodes/shared/states/stateTables';

/** The state name describeState gives (no reason). */
const stateName = (
	tables: StateTables,
	id: number,
	apiName: string | null,
	overrides?: StateNameOverrides,
) => describeState(tables, id, apiName, null, null, overrides).state;

/** The category describeState gives. */
const category = (tables: StateTables, id: number) =>
	describeState(tables, id, null, null, null).category;

describe('describeState: state name', () => {
	it('uses the API name, then the table, then Unknown (id)', () => {
		expect(stateName(CXONE_STATES, 2, 'Unavailable')).toBe('Unavailable');
		expect(stateName(CXONE_STATES, 2, 'Custom API Name')).toBe('Custom API Name');
		expect(stateName(CXONE_STATES, 0, null)).toBe('LoggedOut');
		expect(stateName(CXONE_STATES, 8, '')).toBe('LoggedIn');
		expect(stateName(CXONE_STATES, 42, null)).toBe('Unknown (42)');
		expect(stateName(CXONE_STATES, -6, null)).toBe('Unknown (-6)');
		expect(stateName(V2_STATES, 1, null)).toBe('OFFLINE');
		expect(stateName(V2_STATES, 8, null)).toBe('QUEUE_BUSY');
		expect(stateName(V2_STATES, 0, null)).toBe('Unknown (0)');
	});

	it('lets an override win over the API name and the table', () => {
		const overrides = { 2: 'Not Ready', 42: 'Wrap' };
		expect(stateName(CXONE_STATES, 2, 'Unavailable', overrides)).toBe('Not Ready');
		expect(stateName(CXONE_STATES, 42, null, overrides)).toBe('Wrap');
		expect(stateName(CXONE_STATES, 1, 'Available', overrides)).toBe('Available');
	});
});

describe('describeState: category', () => {
	it('maps CXone ids', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1].map((id) => category(CXONE_STATES, id))).toEqual([
			'loggedOut',
			'available',
			'unavailable',
			'working',
			'working',
			'working',
			'working',
			'working',
			'loggedIn',
			'unknown',
			'unknown',
		]);
	});

	it('maps v2 ids', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => category(V2_STATES, id))).toEqual([
			'unknown',
			'loggedOut',
			'available',
			'working',
			'unavailable',
			'unavailable',
			'unavailable',
			'available',
			'working',
			'unknown',
		]);
	});
});
