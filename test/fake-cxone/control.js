'use strict';
// The control HTTP API (/__control/...): the runtime controls of the JS API, for a separate
// process such as real n8n in the demo. Control requests are not logged and never faulted.

const { json, notFound } = require('./respond');

function parseJsonBody(body) {
	if (!body) return {};
	return JSON.parse(body);
}

function timeParam(value) {
	if (value === undefined || value === null || value === '') return undefined;
	return /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
}

function recordQuery(params) {
	const agentId = params.get('agentId');
	return {
		agentId: agentId || undefined,
		all: !agentId || params.get('all') === 'true',
		startMs: timeParam(params.get('startMs') || params.get('start')),
		endMs: timeParam(params.get('endMs') || params.get('end')),
		flavor: params.get('flavor') || 'cxone',
		timezone: params.get('timezone') || undefined,
	};
}

function clock(fake) {
	return { nowMs: fake.nowMs, now: new Date(fake.nowMs).toISOString() };
}

/** Handles one control request; returns a response value. */
function controlRoute(fake, method, path, params, body) {
	try {
		switch (`${method} ${path}`) {
			case 'GET /__control/log':
				return json(200, fake.log);
			case 'POST /__control/reset-log':
				fake.resetLog();
				return json(200, { ok: true });
			case 'GET /__control/faults':
				return json(200, fake.activeFaults());
			case 'POST /__control/faults':
				fake.setFaults(parseJsonBody(body));
				return json(200, fake.activeFaults());
			case 'POST /__control/clear-faults':
				fake.clearFaults();
				return json(200, { ok: true });
			case 'POST /__control/revoke-tokens':
				fake.revokeTokens();
				return json(200, { ok: true });
			case 'GET /__control/now':
				return json(200, clock(fake));
			case 'POST /__control/now': {
				const b = parseJsonBody(body);
				if (b.advanceMs !== undefined) fake.advance(Number(b.advanceMs));
				else if (b.nowMs !== undefined) fake.setNow(b.nowMs);
				else if (b.now !== undefined) fake.setNow(b.now);
				else
					return json(400, {
						error: 'Send { "nowMs": … }, { "now": "ISO" } or { "advanceMs": … }',
					});
				return json(200, clock(fake));
			}
			case 'GET /__control/open-state':
				return json(200, { openState: fake.openState });
			case 'POST /__control/open-state':
				fake.setOpenState(parseJsonBody(body).openState);
				return json(200, { openState: fake.openState });
			case 'GET /__control/options':
				return json(200, fake.options);
			case 'POST /__control/options':
				return json(200, fake.setOptions(parseJsonBody(body)));
			case 'GET /__control/teams':
				return json(200, fake.teams());
			case 'GET /__control/unavailable-codes':
				return json(200, fake.unavailableCodes());
			case 'GET /__control/agent-items':
				return json(200, fake.agentItems());
			case 'GET /__control/current-states':
				return json(200, fake.currentStates(params.get('agentId') || undefined));
			case 'GET /__control/count':
				return json(200, { count: fake.countRecords(recordQuery(params)) });
			case 'GET /__control/performance':
				return json(200, fake.performanceFor(recordQuery(params)));
			case 'GET /__control/records': {
				const q = recordQuery(params);
				const records =
					params.get('canonical') === 'true' ? fake.canonicalRecordsFor(q) : fake.recordsFor(q);
				return json(200, { count: records.length, records });
			}
			case 'GET /__control/state':
				return json(200, {
					url: fake.url,
					...clock(fake),
					credentials: fake.credentials,
					agents: fake.agents,
					faults: fake.activeFaults(),
					options: fake.options,
				});
			default:
				return notFound();
		}
	} catch (err) {
		return json(400, { error: err instanceof Error ? err.message : String(err) });
	}
}

module.exports = { controlRoute };
