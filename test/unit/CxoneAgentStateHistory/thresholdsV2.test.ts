// Version 2 of the history node: per-reason Thresholds rows (overThreshold, overThresholdCount),
// the Output choice, and version 1's single threshold left as it was.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { Params } from '../../helpers/n8nContext';
import { cxPage, cxRecord, failure, historyPath, run, serve, useNockAndClock } from './fixtures';

useNockAndClock();

const unavailable = (reasonId: number, reason: string) => ({
	agentStateId: 2,
	agentStateName: 'Unavailable',
	outStateId: reasonId,
	outStateDescription: reason,
});

// A state from before the window (60 min, clipped), a 20-min break, a 40-min lunch, a 5-min
// break, a 70-min lunch and an 8-minute unavailable state without a reason.
const RECORDS = [
	cxRecord(1, '2024-04-30T23:30:00.000Z', 'PT1H'),
	cxRecord(2, '2024-05-01T10:00:00.000Z', 'PT20M', unavailable(78, 'Break')),
	cxRecord(3, '2024-05-01T12:00:00.000Z', 'PT40M', unavailable(77, 'Lunch')),
	cxRecord(4, '2024-05-01T15:00:00.000Z', 'PT5M', unavailable(78, 'Break')),
	cxRecord(5, '2024-05-01T16:00:00.000Z', 'PT70M', unavailable(77, 'Lunch')),
	cxRecord(6, '2024-05-01T18:00:00.000Z', 'PT8M', {
		agentStateId: 2,
		agentStateName: 'Unavailable',
	}),
];

const V2 = { node: { typeVersion: 2 } };

const rows = (...r: Array<[string, number]>) => ({
	rules: r.map(([label, minutes]) => ({ label, minutes })),
});

async function runV2(params: Params = {}) {
	serve(historyPath(), [cxPage(RECORDS)]);
	return await run(params, V2);
}

const flags = (json: IDataObject[]) =>
	json.filter((j) => j.recordId).map((j) => [j.label, j.durationSeconds, j.overThreshold]);

describe('version 2: Thresholds rows', () => {
	it('flag each reason against its own row; states without a row are not over', async () => {
		const { json } = await runV2({
			options: { thresholds: rows(['Break', 15], ['Lunch', 60], ['ACW', 5]), includeSummary: true },
		});
		expect(flags(json)).toEqual([
			['Available', 3600, false],
			['Break', 1200, true],
			['Lunch', 2400, false],
			['Break', 300, false],
			['Lunch', 4200, true],
			['Unavailable', 480, false],
		]);
		expect(json.find((j) => j.itemType === 'agentSummary')).toMatchObject({
			overThresholdCount: 2,
		});
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', overThresholdCount: 2 });
	});

	it('reason row > state row > Any Other State, names in any case', async () => {
		const { json } = await runV2({
			options: {
				thresholds: rows([' break ', 30], ['UNAVAILABLE', 7]),
				otherStatesMinutes: 45,
				includeSummary: true,
			},
		});
		expect(flags(json)).toEqual([
			['Available', 3600, true], // any other state: 60 > 45
			['Break', 1200, false], // its row (30) wins over Unavailable (7)
			['Lunch', 2400, true], // no Lunch row: Unavailable's 7
			['Break', 300, false],
			['Lunch', 4200, true],
			['Unavailable', 480, true], // no reason: the state's row
		]);
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', overThresholdCount: 4 });
	});

	it("each agent item's summary counts its states over their thresholds", async () => {
		const { json } = await runV2({
			splitIntoItems: false,
			options: { thresholds: rows(['Break', 15], ['Lunch', 60]) },
		});
		expect(json).toHaveLength(1);
		expect((json[0].summary as IDataObject).overThresholdCount).toBe(2);
		expect((json[0].states as IDataObject[]).map((s) => s.overThreshold)).toEqual([
			false,
			true,
			false,
			false,
			true,
			false,
		]);
	});

	it('no rows and no catch-all: off, no overThreshold field', async () => {
		const { json } = await runV2({ options: { thresholds: {} } });
		expect(json.every((j) => !('overThreshold' in j))).toBe(true);
	});

	it("ignores version 1's single threshold", async () => {
		const { json } = await runV2({ options: { thresholdMinutes: 10, thresholdLabels: 'Break' } });
		expect(json.every((j) => !('overThreshold' in j))).toBe(true);
	});

	it('stops with an error naming options.thresholds for a duplicate row', async () => {
		const error = await failure(
			run({ options: { thresholds: rows(['Break', 15], ['break', 20]) } }, V2),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Thresholds rows 1 and 2 both name "break" (names match in any case). Keep one row per reason or state.',
		);
		expect((error as NodeOperationError).description).toBe(
			'Check the "options.thresholds" parameter.',
		);
	});

	it('stops with an error naming options.otherStatesMinutes for a negative catch-all', async () => {
		const error = await failure(run({ options: { otherStatesMinutes: -3 } }, V2));
		expect((error as NodeOperationError).description).toBe(
			'Check the "options.otherStatesMinutes" parameter.',
		);
	});
});

describe('version 1: the single threshold as before', () => {
	it('Flag States Longer Than with Flag Only These Reasons or States', async () => {
		serve(historyPath(), [cxPage(RECORDS)]);
		const { json } = await run({
			options: { thresholdMinutes: 15, thresholdLabels: 'Break, Lunch', includeSummary: true },
		});
		expect(flags(json)).toEqual([
			['Available', 3600, false],
			['Break', 1200, true],
			['Lunch', 2400, true],
			['Break', 300, false],
			['Lunch', 4200, true],
			['Unavailable', 480, false],
		]);
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', overThresholdCount: 3 });
	});

	it('ignores rows and the Output choice', async () => {
		serve(historyPath(), [cxPage(RECORDS)]);
		const { json } = await run({
			output: 'simplified',
			options: { thresholds: rows(['Break', 1]) },
		});
		expect(json.every((j) => !('overThreshold' in j))).toBe(true);
		expect(json[0]).toHaveProperty('agentId');
	});
});

const SIMPLIFIED_KEYS = [
	'recordId',
	'label',
	'startTime',
	'endTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
];

describe('version 2: Output', () => {
	it('Simplified: each state item has exactly the simplified fields, in order', async () => {
		const { json } = await runV2({
			output: 'simplified',
			options: { thresholds: rows(['Break', 15]), includeSummary: true },
		});
		const states = json.filter((j) => j.recordId);
		expect(states).toHaveLength(6);
		for (const s of states) expect(Object.keys(s)).toEqual([...SIMPLIFIED_KEYS, 'overThreshold']);
		expect(states[1]).toEqual({
			recordId: '39260750:555:2',
			label: 'Break',
			startTime: '2024-05-01T06:00:00.000-04:00',
			endTime: '2024-05-01T06:20:00.000-04:00',
			durationSeconds: 1200,
			durationFormatted: '20m 00s',
			isOpen: false,
			overThreshold: true,
		});
		// Summary items stay as they are.
		expect(json.find((j) => j.itemType === 'agentSummary')).toMatchObject({
			agentId: '39260750',
			overThresholdCount: 1,
			byLabel: expect.any(Object),
		});
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', recordCount: 6 });
	});

	it('Simplified without thresholds: overThreshold stays absent', async () => {
		const { json } = await runV2({ output: 'simplified' });
		for (const s of json) expect(Object.keys(s)).toEqual(SIMPLIFIED_KEYS);
	});

	it("Simplified with Split Into Items off: the agent item's states are simplified", async () => {
		const { json } = await runV2({ output: 'simplified', splitIntoItems: false });
		expect(Object.keys(json[0])).toEqual(['agentId', 'teamId', 'window', 'states', 'summary']);
		for (const s of json[0].states as IDataObject[])
			expect(Object.keys(s)).toEqual(SIMPLIFIED_KEYS);
		expect(json[0].summary).toMatchObject({ recordCount: 6 });
	});

	it('All Fields (default) keeps the whole record', async () => {
		const { json } = await runV2();
		expect(json[0]).toHaveProperty('agentId');
		expect(json[0]).toHaveProperty('category');
	});

	it('refuses an unknown Output, naming it', async () => {
		const error = await failure(run({ output: 'short' }, V2));
		expect(error.message).toBe('Output "short" is not supported. Use all or simplified.');
		expect((error as NodeOperationError).description).toBe('Check the "output" parameter.');
	});
});
