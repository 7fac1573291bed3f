// A scripted OpenAI-compatible chat-completions server on loopback, for the AI Agent e2e test:
// it records every request and answers from a script instead of a model. Plain CommonJS on Node
// built-ins. See README.md.
'use strict';

const http = require('node:http');

const MODEL = 'fake-gpt';
const QUESTION = 'Who is over their break right now?';

/** The tool the script calls: the CXone node's Agent State → Get Current, found by name. */
const DEFAULT_TOOL = /get_?current/i;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The text of a message's content (a string, or OpenAI's array of content parts). */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content.map((p) => (typeof p === 'string' ? p : (p?.text ?? ''))).join('');
	}
	return '';
}

/** The items a tool result carries: a JSON array of objects, or objects somewhere inside it. */
function itemsOf(text) {
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return [];
	}
	const out = [];
	const visit = (v) => {
		if (Array.isArray(v)) {
			for (const x of v) visit(x);
		} else if (v !== null && typeof v === 'object') {
			if ('agentName' in v || 'overThreshold' in v) out.push(v);
			else if (v.json !== undefined) visit(v.json);
			else for (const x of Object.values(v)) visit(x);
		} else if (typeof v === 'string' && /^[[{]/.test(v.trim())) {
			out.push(...itemsOf(v));
		}
	};
	visit(value);
	return out;
}

/** The final answer the script gives from the Get Current items. */
function overBreakAnswer(items) {
	const over = items.filter((i) => i.overThreshold === true);
	if (over.length === 0) return 'Nobody is over their break right now.';
	const list = over.map((i) => `${i.agentName} (${i.durationFormatted})`).join(', ');
	return `Over their break: ${list}.`;
}

/**
 * The default script. Turn 1 (the question, no tool result yet): answers with a call to the tool
 * whose name matches `toolName`, with no arguments unless its schema requires some (then each
 * required property gets an empty value of its type). Turn 2 (a tool message present): answers
 * with overBreakAnswer of the items in the tool result. Problems go to `violations`.
 */
function defaultScript({ toolName = DEFAULT_TOOL } = {}) {
	return (body, state) => {
		const messages = Array.isArray(body.messages) ? body.messages : [];
		const toolMessages = messages.filter((m) => m.role === 'tool');
		if (toolMessages.length === 0) {
			const user = messages.filter((m) => m.role === 'user').map((m) => textOf(m.content));
			if (!user.some((t) => t.includes(QUESTION))) {
				state.violations.push(`turn 1: no user message asking "${QUESTION}"`);
			}
			const tools = Array.isArray(body.tools) ? body.tools : [];
			if (tools.length === 0) {
				state.violations.push('turn 1: the request carries no tools');
				return { content: 'No tools were offered, so I cannot look that up.' };
			}
			const tool = tools.find((t) => toolName.test(t?.function?.name ?? ''));
			if (tool === undefined) {
				state.violations.push(
					`turn 1: no tool named like ${toolName} among ${tools.map((t) => t?.function?.name).join(', ')}`,
				);
				return { content: 'I have no tool for current agent states.' };
			}
			const schema = tool.function.parameters ?? {};
			const args = {};
			for (const key of schema.required ?? []) {
				const type = schema.properties?.[key]?.type;
				args[key] = type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : '';
			}
			state.toolCalls += 1;
			return {
				toolCalls: [
					{
						id: `call_${state.toolCalls}`,
						type: 'function',
						function: { name: tool.function.name, arguments: JSON.stringify(args) },
					},
				],
			};
		}
		const items = toolMessages.flatMap((m) => itemsOf(textOf(m.content)));
		if (items.length === 0) state.violations.push('turn 2: the tool result holds no items');
		return { content: overBreakAnswer(items) };
	};
}

function completion(reply, body, n) {
	const message = { role: 'assistant', content: reply.content ?? null };
	if (reply.toolCalls) message.tool_calls = reply.toolCalls;
	return {
		id: `chatcmpl-fake-${n}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model ?? MODEL,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: reply.toolCalls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same reply as server-sent chat.completion.chunk events (for `stream: true`). */
function streamChunks(reply, body, n) {
	const base = {
		id: `chatcmpl-fake-${n}`,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: body.model ?? MODEL,
	};
	const delta = { role: 'assistant' };
	if (reply.toolCalls) {
		delta.tool_calls = reply.toolCalls.map((c, index) => ({ index, ...c }));
	} else {
		delta.content = reply.content ?? '';
	}
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{
			...base,
			choices: [{ index: 0, delta: {}, finish_reason: reply.toolCalls ? 'tool_calls' : 'stop' }],
		},
	];
	if (body.stream_options?.include_usage) {
		chunks.push({
			...base,
			choices: [],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		});
	}
	return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n';
}

/**
 * createFakeLlm({ script }) → { start(port), stop(), url, requests, violations }.
 * `script(body, state)` returns `{ content }` or `{ toolCalls }` for each chat completion.
 * `requests`: every request, in order: { method, path, headers, body (parsed JSON or text) }.
 */
function createFakeLlm({ script = defaultScript() } = {}) {
	const state = { requests: [], violations: [], toolCalls: 0 };
	let completions = 0;
	const server = http.createServer(async (req, res) => {
		const text = await readBody(req);
		let body = text;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			// kept as text
		}
		const path = req.url.split('?')[0];
		const entry = { method: req.method, path, headers: req.headers, body };
		state.requests.push(entry);
		const send = (status, json) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(json));
		};
		if (req.method === 'GET' && /\/models$/.test(path)) {
			return send(200, {
				object: 'list',
				data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'fake-llm' }],
			});
		}
		if (req.method === 'POST' && /\/chat\/completions$/.test(path)) {
			if (body === null || typeof body !== 'object') {
				return send(400, { error: { message: 'The body is not JSON', type: 'invalid_request' } });
			}
			completions += 1;
			let reply;
			try {
				reply = script(body, state);
			} catch (error) {
				state.violations.push(`script failed: ${error.message}`);
				return send(500, { error: { message: error.message, type: 'server_error' } });
			}
			entry.reply = reply;
			if (body.stream === true) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				return res.end(streamChunks(reply, body, completions));
			}
			return send(200, completion(reply, body, completions));
		}
		state.violations.push(`unexpected request ${req.method} ${path}`);
		return send(404, { error: { message: `No route ${req.method} ${path}`, type: 'not_found' } });
	});
	const api = {
		url: null,
		requests: state.requests,
		violations: state.violations,
		/** Only the chat-completion requests, in order. */
		completions: () => state.requests.filter((r) => /\/chat\/completions$/.test(r.path)),
		start(port = 0) {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => {
					api.url = `http://127.0.0.1:${server.address().port}/v1`;
					resolve({ url: api.url });
				});
			});
		},
		stop() {
			return new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			});
		},
	};
	return api;
}

module.exports = { createFakeLlm, defaultScript, overBreakAnswer, itemsOf, MODEL, QUESTION };

if (require.main === module) {
	const port = Number(process.argv[2] ?? 8911);
	const llm = createFakeLlm();
	llm.start(port).then(({ url }) => process.stdout.write(`fake LLM at ${url}\n`));
}
