// The trigger's parameters → plan: defaults, conversions and the per-poll query and normalizer.
import {
	historyQuery,
	normalizerOptions,
	readTriggerPlan,
} from '../../../nodes/CxoneAgentStateTrigger/parameters';
import { InputError } from '../../../nodes/shared/errors';
import { CXONE } from '../../../nodes/shared/flavors';
import example from '../../../examples/break-overage-trigger.json';
import type { Params } from '../../helpers/n8nContext';
import { createPollContext } from '../../helpers/n8nContext';

const cxone = { flavor: CXONE, apiVersion: 'v27.0' };

function plan(params: Params, timezone = 'Europe/Berlin') {
	return readTriggerPlan.call(createPollContext({ params, timezone }), cxone);
}

describe('readTriggerPlan', () => {
	it('defaults: state ended, 10-minute look-back, 24-hour catch-up, names on, workflow zone', () => {
		const p = plan({ agentIds: '39260750, 39260751' });
		expect(p).toEqual({
			event: 'stateEnded',
			agents: { kind: 'ids', ids: ['39260750', '39260751'] },
			filter: { teams: undefined, states: undefined, reasons: undefined },
			timeZone: 'Europe/Berlin',
			lookBackMs: 600_000,
			maxCatchUpMs: 86_400_000,
			resolveAgentNames: true,
			includeRaw: false,
			stateNameOverrides: {},
			concurrency: 4,
			maxRecords: 500000,
			transport: { maxRetries: 5, maxPages: 1000, pageSize: 1000, timeoutMs: 60_000 },
		});
	});

	it('reads the exceeded threshold, filters, team ids and options', () => {
		const p = plan({
			event: 'stateExceeded',
			thresholdMinutes: 15,
			agentSelection: 'all',
			teamIds: '205970 205971',
			filters: { states: 'Unavailable', reasons: 'Break, Lunch' },
			timezone: 'America/New_York',
			options: {
				lookBackMinutes: 30,
				maxCatchUpHours: 0,
				resolveAgentNames: false,
				includeRaw: true,
				stateNameOverrides: '2=Not Ready',
				pageSize: 500,
			},
		});
		expect(p).toMatchObject({
			event: 'stateExceeded',
			// Version 1's Duration: the limit of every state.
			thresholds: { byName: new Map(), defaultMs: 900_000 },
			agents: { kind: 'all' },
			filter: {
				teams: new Set(['205970', '205971']),
				states: new Set(['unavailable']),
				reasons: new Set(['break', 'lunch']),
			},
			timeZone: 'America/New_York',
			lookBackMs: 1_800_000,
			maxCatchUpMs: 0,
			resolveAgentNames: false,
			includeRaw: true,
			stateNameOverrides: { 2: 'Not Ready' },
		});
		expect(p.transport.pageSize).toBe(500);

		const window = { startMs: 1, endMs: 2 };
		expect(normalizerOptions(p, cxone, window)).toEqual({
			flavor: CXONE,
			timeZone: 'America/New_York',
			window,
			boundary: 'asReturned',
			stateNameOverrides: { 2: 'Not Ready' },
			includeRaw: true,
			thresholds: { byName: new Map(), defaultMs: 900_000 },
		});
		expect(historyQuery(p, cxone, window)).toMatchObject({
			flavor: CXONE,
			apiVersion: 'v27.0',
			agents: { kind: 'all' },
			window,
			chunkHours: 24,
			timeZone: 'America/New_York',
		});
	});

	it('the threshold only applies to State Exceeded Duration', () => {
		const p = plan({ agentIds: '1', event: 'stateStarted', thresholdMinutes: 'nonsense' });
		expect(p.thresholds).toBeUndefined();
		expect(normalizerOptions(p, cxone, { startMs: 0, endMs: 1 }).thresholds).toBeNull();
	});

	it('refuses bad option values, naming the option', () => {
		expect(() => plan({ agentIds: '1', options: { pageSize: 0 } })).toThrow(
			'Page Size must be a whole number from 1 to 10000 (got "0").',
		);
		expect(() => plan({ agentIds: '1', options: { maxCatchUpHours: -1 } })).toThrow(
			/^Max Catch-Up \(Hours\) must be a number from 0/,
		);
		expect(() => plan({ agentIds: 'abc' })).toThrow(/"abc" is not numeric/);
		expect(() => plan({ agentIds: '1', options: { stateNameOverrides: '=' } })).toThrow();
	});

	it('checks the agent selection and state names as the history node does, with the same text', () => {
		// Before, any agentSelection value passed and was read as "ids".
		expect(() => plan({ agentSelection: 'some', agentIds: '1' })).toThrow(
			'Agents "some" is not supported. Use list, ids or all.',
		);
		let caught: unknown;
		try {
			plan({ agentIds: '1', options: { stateNameOverrides: '2' } });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).parameter).toBe('options.stateNameOverrides');
	});
});

describe('examples/break-overage-trigger.json', () => {
	it('its trigger (version 2) reads as "a break over 15 or a lunch over 60 minutes, all agents" and feeds the IF on overThreshold', () => {
		const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-cxone.cxoneAgentStateTrigger');
		expect(trigger?.typeVersion).toBe(2);
		const p = readTriggerPlan.call(
			createPollContext({
				params: trigger?.parameters as Params,
				timezone: 'Europe/Berlin',
				node: { typeVersion: trigger?.typeVersion },
			}),
			cxone,
		);
		expect(p).toMatchObject({
			event: 'stateExceeded',
			agents: { kind: 'all' },
			filter: { states: undefined, reasons: undefined },
			lookBackMs: 600_000,
		});
		expect(p.thresholds).toEqual({
			byName: new Map([
				['break', 900_000],
				['lunch', 3_600_000],
			]),
			defaultMs: null,
		});
		expect(normalizerOptions(p, cxone, { startMs: 0, endMs: 1 }).thresholds).toBe(p.thresholds);
		const check = example.nodes.find((n) => n.type === 'n8n-nodes-base.if');
		expect(JSON.stringify(check?.parameters)).toContain('$json.overThreshold');
		expect(example.connections['CXone Agent State Trigger'].main[0][0].node).toBe(check?.name);
	});
});
