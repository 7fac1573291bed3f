// Agent State → Get Current's Output: All Fields in a workflow, Simplified by default as an AI
// Agent tool (the @tool default n8n fills in, and the fallback by node type).
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Cxone } from '../../../nodes/Cxone/Cxone.node';
import { CxoneAgentStateHistory } from '../../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import { defaultOutputMode } from '../../../nodes/shared/parameters/outputMode';
import { CURRENT_STATE_SIMPLIFIED_FIELDS } from '../../../nodes/shared/simplify';
import { API, currentState, listPage, runCxone, serve, useNockAndClock } from './fixtures';

useNockAndClock();

const base = { resource: 'agentState', operation: 'getCurrent', agentIds: [], teamIds: [] };
const thresholds = { thresholds: { rules: [{ label: 'Break', minutes: 15 }] } };

function serveTwo() {
	serve(`${API}/agents/states`, [
		listPage(
			'agentStates',
			[
				// 19 minutes on Break (over 15), then 4 minutes on Break (not over).
				currentState(39260750),
				currentState(39260751, {
					firstName: 'Ben',
					lastName: 'Brown',
					startDate: '2024-05-02T23:55:00.000Z',
				}),
			],
			{ lastPollTime: '2024-05-02T23:59:00.000Z' },
		),
	]);
}

describe('Get Current: Output', () => {
	it('Simplified: only the simplified fields, overThreshold by the Break row', async () => {
		serveTwo();
		const { json } = await runCxone({ ...base, output: 'simplified', options: thresholds });
		for (const item of json)
			expect(Object.keys(item)).toEqual([...CURRENT_STATE_SIMPLIFIED_FIELDS]);
		expect(json).toEqual([
			{
				agentId: '39260750',
				agentName: 'Ava Adams',
				teamName: 'Global Help Desk',
				label: 'Break',
				startTime: '2024-05-02T23:40:00.000+00:00',
				durationSeconds: 1140,
				durationFormatted: '19m 00s',
				isOpen: true,
				overThreshold: true,
			},
			expect.objectContaining({
				agentName: 'Ben Brown',
				durationSeconds: 240,
				overThreshold: false,
			}),
		]);
	});

	it('no Output given: All Fields in a workflow, Simplified as a tool; a set Output wins', async () => {
		serveTwo();
		const workflow = await runCxone({ ...base, options: thresholds });
		expect(workflow.json[0]).toHaveProperty('readAtUtc');
		expect(workflow.json[0]).toHaveProperty('stateId', 2);

		serveTwo();
		const tool = await runCxone(
			{ ...base, options: thresholds },
			{ node: { type: 'CUSTOM.cxoneTool' } },
		);
		expect(Object.keys(tool.json[0])).toEqual([...CURRENT_STATE_SIMPLIFIED_FIELDS]);

		serveTwo();
		const toolAll = await runCxone(
			{ ...base, output: 'all', options: thresholds },
			{ node: { type: 'CUSTOM.cxoneTool' } },
		);
		expect(toolAll.json[0]).toHaveProperty('readAtUtc');
	});

	it('rejects an unknown Output, naming it', async () => {
		await expect(runCxone({ ...base, output: 'some' })).rejects.toThrow(/Output/);
	});

	it('defaultOutputMode goes by the node type', () => {
		expect(defaultOutputMode('n8n-nodes-cxone.cxoneTool')).toBe('simplified');
		expect(defaultOutputMode('n8n-nodes-cxone.cxone')).toBe('all');
	});
});

describe('Get Current: the Output property as n8n fills it', () => {
	const description = new Cxone().description;
	const outputs = description.properties.filter((p) => p.name === 'output');

	it('two Output properties for Get Current: All Fields outside a tool, Simplified as a tool', () => {
		expect(
			outputs.map((p) => [
				p.default,
				p.displayOptions?.show?.['@tool'],
				p.displayOptions?.show?.operation,
			]),
		).toEqual([
			['all', [false], ['getCurrent']],
			['simplified', [true], ['getCurrent']],
		]);
		for (const p of outputs) {
			expect((p.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
				'all',
				'simplified',
			]);
		}
	});

	/** What n8n's Workflow does with a stored node: fills the defaults of the displayed properties. */
	function filled(parameters: INode['parameters'], asTool: boolean) {
		const type: INodeTypeDescription = {
			...description,
			name: asTool ? 'cxoneTool' : 'cxone',
		};
		const node: INode = {
			id: 'n',
			name: 'CXone',
			type: `n8n-nodes-cxone.${type.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		return NodeHelpers.getNodeParameters(
			description.properties as INodeProperties[],
			parameters,
			true,
			false,
			node,
			type,
		);
	}

	it('a stored node without Output reads All Fields, as a tool Simplified; a stored value stays', () => {
		const stored = { resource: 'agentState', operation: 'getCurrent' };
		expect(filled(stored, false)?.output).toBe('all');
		expect(filled(stored, true)?.output).toBe('simplified');
		expect(filled({ ...stored, output: 'all' }, true)?.output).toBe('all');
		expect(filled({ resource: 'team', operation: 'getMany' }, true)).not.toHaveProperty('output');
	});
});

describe('tool-facing descriptions', () => {
	it('say what the nodes answer, and that thresholds are in minutes', () => {
		const cxone = new Cxone().description.description;
		expect(cxone).toMatch(/right now/);
		expect(cxone).toMatch(/overThreshold/);
		expect(cxone).toMatch(/minutes/);
		const history = new CxoneAgentStateHistory().description.description;
		expect(history).toMatch(/time window/);
		expect(history).toMatch(/durationSeconds/);
		expect(history).toMatch(/minutes/);
	});
});
