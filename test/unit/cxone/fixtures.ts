// Shared pieces of the CXone node's unit tests: directory and current-state bodies in the shapes
// of the API reference (camelCase and the older PascalCase), and a runner for execute().
// CONSTRUCTED data: field lists from NICE's specs and SDK, values invented.
import type { IDataObject } from 'n8n-workflow';

import { Cxone } from '../../../nodes/Cxone/Cxone.node';
import type { ContextOptions, Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';
import type { Raw } from '../node/fixtures';

export { API, BASE, serve, useNockAndClock } from '../node/fixtures';
export type { Raw, Seen } from '../node/fixtures';

export function agent(id: number, first: string, last: string, extra: Raw = {}): Raw {
	return {
		agentId: id,
		userName: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
		firstName: first,
		middleName: null,
		lastName: last,
		emailAddress: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
		isActive: true,
		teamId: 205970,
		teamName: 'Global Help Desk',
		isSupervisor: false,
		timeZone: 'Eastern Standard Time',
		...extra,
	};
}

export function listPage(key: string, records: Raw[], extra: Raw = {}): Raw {
	return {
		businessUnitId: 4600001,
		totalRecords: records.length,
		_links: { self: null, next: null, previous: null },
		[key]: records,
		...extra,
	};
}

/** A current state as GET /agents/states sends it. */
export function currentState(id: number, extra: Raw = {}): Raw {
	return {
		agentId: id,
		agentStateId: 2,
		agentStateName: 'Unavailable',
		agentStateCategory: 'Unavailable',
		businessUnitId: 4600001,
		contactId: null,
		isActive: true,
		isACW: false,
		isOutbound: false,
		firstName: 'Ava',
		lastName: 'Adams',
		userName: 'ava.adams@example.com',
		lastUpdateTime: '2024-05-02T23:40:00.000Z',
		mediaTypeId: null,
		mediaTypeName: null,
		outStateId: 78,
		outStateDescription: 'Break',
		skillId: 0,
		skillName: null,
		startDate: '2024-05-02T23:40:00.000Z',
		stationId: 555,
		teamId: 205970,
		teamName: 'Global Help Desk',
		...extra,
	};
}

/** The same object with every key in PascalCase (older API versions). */
export function pascal(o: Raw): Raw {
	return Object.fromEntries(
		Object.entries(o).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]),
	);
}

const node = new Cxone();

export async function runCxone(params: Params, extra: ContextOptions = {}) {
	const ctx = createExecuteContext({
		params: { options: { maxRetries: 0 }, ...params },
		node: { type: 'CUSTOM.cxone' },
		...extra,
	});
	const out = await node.execute.call(ctx);
	expect(out).toHaveLength(1);
	return { ctx, items: out[0], json: out[0].map((i) => i.json as IDataObject) };
}
