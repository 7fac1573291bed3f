// The CXone nodes as tools of n8n's AI Agent, in real n8n (`n8n execute`): the example
// examples/ai-agent-who-is-over-break.json with a manual start, the question as fixed prompt and
// the OpenAI Chat Model pointed at a scripted OpenAI-compatible server (test/fake-llm). Its two
// tools: the CXone node's Agent State → Get Current (Break 15, Output left to its tool default)
// and the history node (Yesterday, Simplified). Checked: the tool schema the model was offered,
// the call it made, the items the tool returned to it (against the fake CXone's truth) and the
// agent's final answer.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { createFakeCxone } = require('../fake-cxone');
const {
	createFakeLlm,
	defaultScript,
	overBreakAnswer,
	MODEL,
	QUESTION,
} = require('../fake-llm/server');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const AGENTS = 8;
const BREAK_MS = 15 * 60000;
const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
const EXAMPLE = 'ai-agent-who-is-over-break.json';
const CURRENT_TOOL = 'CXone Get Current';
const HISTORY_TOOL = 'CXone State History';
/** The simplified current-state fields (nodes/shared/simplify.ts), in output order. */
const CURRENT_FIELDS = [
	'agentId',
	'agentName',
	'teamName',
	'label',
	'startTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
	'overThreshold',
];

/** The simplified state fields of the history node (nodes/shared/simplify.ts), in output order. */
const HISTORY_FIELDS = [
	'recordId',
	'agentName',
	'teamName',
	'label',
	'startTime',
	'endTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
	'overThreshold',
];

const DAY_MS = 86400000;

const breakMinutes = (state, nowMs) => (nowMs - Date.parse(state.startDate)) / 60000;
const onBreak = (state) => state.agentStateId === 2 && state.outStateDescription === 'Break';

/**
 * A fixed clock and seed where one agent's Break has run past 15 minutes and another's has not
 * (a minute clear of 15 either way), and yesterday has states. The history node reads Yesterday
 * by the real clock, and Get Current never counts past the real now (the answer's arrival), so
 * the fake's clock stands still at a half hour of the last day before the real now.
 */
function findBreakClock() {
	const realNow = Date.now();
	const today = Math.floor(realNow / DAY_MS) * DAY_MS;
	const latest = Math.floor((realNow - 60000) / 1800000) * 1800000;
	for (let seed = 1; seed <= 1000; seed++) {
		for (let k = 0; k < 48; k++) {
			const now = latest - k * 1800000;
			const peek = createFakeCxone({ agents: AGENTS, seed, now });
			const breaks = peek
				.currentStates()
				.filter(onBreak)
				.map((s) => breakMinutes(s, now));
			if (!(breaks.some((m) => m > 16) && breaks.some((m) => m < 14))) continue;
			const yesterday = { all: true, startMs: today - DAY_MS, endMs: Math.min(today, now) };
			if (peek.countRecords(yesterday) > 0) return { seed, now, today };
		}
	}
	throw new Error('No seed of the fake CXone has one Break over 15 minutes and one under');
}

/**
 * examples/ai-agent-who-is-over-break.json for a local run: a manual start in place of the Chat
 * Trigger (same name), the question as the agent's fixed prompt, the OpenAI Chat Model on the
 * fake LLM's credential and model, the CXone tools on the fake CXone, the workflow zone UTC.
 */
function adaptAiExample({ id, cxoneCredentialId, openAiCredentialId }) {
	const workflow = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'examples', EXAMPLE), 'utf8'));
	workflow.id = id;
	workflow.settings = { ...workflow.settings, timezone: 'UTC' };
	for (const node of workflow.nodes) {
		if (node.type === '@n8n/n8n-nodes-langchain.chatTrigger') {
			Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
			delete node.webhookId;
		} else if (node.type === AGENT_TYPE) {
			Object.assign(node.parameters, { promptType: 'define', text: QUESTION });
		} else if (node.type === MODEL_TYPE) {
			node.parameters.model = { __rl: true, mode: 'id', value: MODEL };
			node.credentials = { openAiApi: { id: openAiCredentialId, name: 'Fake LLM' } };
		} else if (node.type.startsWith('n8n-nodes-cxone.')) {
			node.credentials = {
				[h.CREDENTIAL_TYPE]: { id: cxoneCredentialId, name: `CXone ${cxoneCredentialId}` },
			};
		}
	}
	return workflow;
}

/** "18m 09s", as durationFormatted writes durations under an hour. */
function minutesSeconds(ms) {
	const s = Math.floor(ms / 1000);
	return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** The tool message the model got for a call, parsed: the tool's items as JSON. */
function toolResult(request, callId) {
	const message = request.body.messages.find((m) => m.role === 'tool' && m.tool_call_id === callId);
	expect(message).toBeDefined();
	return JSON.parse(message.content);
}

describe('the CXone nodes as tools of the AI Agent', () => {
	let fake;
	let home;
	let clock;
	const llms = [];
	const cxoneCredentialId = 'cxoneAiAgent0001';

	beforeAll(async () => {
		clock = findBreakClock();
		fake = createFakeCxone({ agents: AGENTS, seed: clock.seed, now: clock.now });
		await fake.start(0);
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, { id: cxoneCredentialId, data: fakeCredentialData(fake) });
	});

	afterAll(async () => {
		for (const llm of llms) await llm.stop();
		await fake?.stop();
		if (home) fs.rmSync(home.home, { recursive: true, force: true });
	});

	/** Starts a fake LLM with `script`, imports its OpenAI credential and the workflow, runs it. */
	async function runAgent(key, script) {
		const llm = createFakeLlm(script ? { script } : {});
		llms.push(llm);
		await llm.start(0);
		const openAiCredentialId = `openAiFakeLlm${key}`;
		const file = path.join(home.home, `cred-openai-${key}.json`);
		fs.writeFileSync(
			file,
			JSON.stringify([
				{
					id: openAiCredentialId,
					name: 'Fake LLM',
					type: 'openAiApi',
					data: { apiKey: 'sk-fake-llm', organizationId: '', url: llm.url, header: false },
				},
			]),
		);
		await h.n8n(home, ['import:credentials', `--input=${file}`]);
		const workflow = adaptAiExample({
			id: `e2eAiAgent${key}`,
			cxoneCredentialId,
			openAiCredentialId,
		});
		await h.importWorkflow(home, workflow);
		const run = await h.executeWorkflow(home, workflow.id);
		// For a failing run: what the model was sent and the run, in test/e2e/.tmp.
		fs.mkdirSync(path.join(h.E2E_DIR, '.tmp'), { recursive: true });
		fs.writeFileSync(
			path.join(h.E2E_DIR, '.tmp', `aiAgent-${key}.json`),
			JSON.stringify({ clock, requests: llm.requests, run: run.result }, null, 2),
		);
		expect(run.result.data.resultData.error).toBeUndefined();
		expect(llm.violations).toEqual([]);
		// Nothing but chat completions, none streamed, all with the credential's key.
		expect(llm.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v1/chat/completions',
			'POST /v1/chat/completions',
		]);
		for (const r of llm.requests) {
			expect(r.body).toMatchObject({ model: MODEL, stream: false });
			expect(r.headers.authorization).toBe('Bearer sk-fake-llm');
		}
		return { llm, result: run.result };
	}

	test('answers "Who is over their break right now?" from Get Current', async () => {
		const { llm, result } = await runAgent('Current01');
		const [first, second] = llm.completions();

		// The question, and the two tools with what they answer and an (empty) parameter schema:
		// every parameter is set in the nodes, none left to the model with $fromAI.
		const example = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'examples', EXAMPLE), 'utf8'));
		const agentNode = example.nodes.find((n) => n.type === AGENT_TYPE);
		expect(first.body.messages).toEqual([
			{
				role: 'system',
				content: expect.stringContaining(agentNode.parameters.options.systemMessage),
			},
			{ role: 'user', content: QUESTION },
		]);
		const tools = new Map(first.body.tools.map((t) => [t.function.name, t.function]));
		expect([...tools.keys()].sort()).toEqual(['CXone_Get_Current', 'CXone_State_History']);
		for (const t of tools.values()) {
			expect(first.body.tools.find((x) => x.function === t).type).toBe('function');
			expect(t.description.trim().length).toBeGreaterThan(20);
			expect(t.parameters).toMatchObject({ type: 'object', properties: {} });
		}
		// n8n's automatic description of a resource/operation tool: "<operation's action> in <the
		// node type's default name>"; a node without resource takes the node's description.
		expect(tools.get('CXone_Get_Current').description).toBe('Get current agent states in CXone');
		expect(tools.get('CXone_State_History').description).toMatch(/agents did in a time window/);
		expect(tools.get('CXone_State_History').description).toMatch(/threshold in minutes/);

		// The call the model made, and only that tool ran.
		expect(first.reply.toolCalls).toEqual([
			{
				id: 'call_1',
				type: 'function',
				function: { name: 'CXone_Get_Current', arguments: '{}' },
			},
		]);
		const runData = result.data.resultData.runData;
		expect(runData[CURRENT_TOOL]).toHaveLength(1);
		expect(runData[HISTORY_TOOL]).toBeUndefined();

		// What went back to the model: the tool's items, simplified (its default as a tool), one
		// per agent of the fake's truth, overThreshold for a Break longer than 15 minutes only.
		const items = toolResult(second, 'call_1');
		const toolItems = runData[CURRENT_TOOL][0].data.ai_tool[0].map((i) => i.json);
		expect(items).toEqual(toolItems);
		const truth = fake.currentStates();
		expect(items.map((i) => i.agentId)).toEqual(truth.map((t) => String(t.agentId)));
		for (const [k, item] of items.entries()) {
			const t = truth[k];
			const ms = clock.now - Date.parse(t.startDate);
			expect(Object.keys(item)).toEqual(CURRENT_FIELDS);
			expect(item).toMatchObject({
				agentName: `${t.firstName} ${t.lastName}`,
				teamName: t.teamName,
				label: t.outStateId !== 0 ? t.outStateDescription : t.agentStateName,
				durationSeconds: ms / 1000,
				isOpen: true,
				overThreshold: onBreak(t) && ms > BREAK_MS,
			});
		}
		const breaks = items.filter((i) => i.label === 'Break');
		expect(breaks.some((i) => i.overThreshold)).toBe(true);
		expect(breaks.some((i) => !i.overThreshold)).toBe(true);

		// The agent's answer: the agents over their break, with how long, from the fake's truth.
		const over = truth.filter((t) => onBreak(t) && clock.now - Date.parse(t.startDate) > BREAK_MS);
		const answer = `Over their break: ${over
			.map(
				(t) =>
					`${t.firstName} ${t.lastName} (${minutesSeconds(clock.now - Date.parse(t.startDate))})`,
			)
			.join(', ')}.`;
		expect(overBreakAnswer(items)).toBe(answer);
		expect(h.nodeOutput(result, 'AI Agent').map((i) => i.json)).toEqual([{ output: answer }]);
	});

	test("the history tool gives the model yesterday's states, simplified", async () => {
		const { llm, result } = await runAgent(
			'History1',
			defaultScript({ toolName: /State_History/ }),
		);
		const [first, second] = llm.completions();
		expect(first.reply.toolCalls[0].function.name).toBe('CXone_State_History');
		const runData = result.data.resultData.runData;
		expect(runData[HISTORY_TOOL]).toHaveLength(1);
		expect(runData[CURRENT_TOOL]).toBeUndefined();

		const items = toolResult(second, first.reply.toolCalls[0].id);
		const startMs = clock.today - DAY_MS;
		const truth = fake.canonicalRecordsFor({ all: true, startMs, endMs: clock.today });
		expect(truth.length).toBeGreaterThan(0);
		expect(items.map((i) => i.recordId).sort()).toEqual(truth.map((r) => r.recordId).sort());
		for (const item of items) {
			// Simplified: only these fields, in this order (overThreshold needs thresholds).
			const keys = Object.keys(item);
			expect(keys).toEqual(HISTORY_FIELDS.filter((f) => keys.includes(f)));
			expect(keys).toEqual(
				expect.arrayContaining(['recordId', 'agentName', 'label', 'durationSeconds']),
			);
		}
		expect(h.nodeOutput(result, 'AI Agent').map((i) => i.json)).toEqual([
			{ output: 'Nobody is over their break right now.' },
		]);
	});
});
