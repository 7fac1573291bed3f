// The contact fields of state items (contactId, skillId, skillName, mediaTypeName, isOutbound)
// against the records the fake CXone serves over real HTTP: ids as text (CXone's 0 is none), the
// flag as a boolean whether sent as one or as text, null where a state has no contact.
import type { IDataObject } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import type { FakeCxone } from '../fake-cxone';
import { createFakeCxone } from '../fake-cxone';
import { fakeCxoneCredentials } from '../helpers/fakeCredentials';
import { createExecuteContext } from '../helpers/n8nContext';

const TUE = '2024-05-07T00:00:00.000Z';
const WED = '2024-05-08T00:00:00.000Z';

let fake: FakeCxone;

beforeAll(async () => {
	fake = createFakeCxone({ agents: 8, seed: 3, now: '2024-05-08T18:00:00.000Z' });
	await fake.start(0);
});
afterAll(async () => await fake.stop());

/** What a raw record's contact columns should read as. */
function expected(raw: Record<string, unknown>) {
	const ref = (v: unknown) =>
		v === null || v === undefined || String(v) === '0' ? null : String(v);
	return {
		contactId: ref(raw.contactId),
		skillId: ref(raw.skillId),
		skillName: raw.skillName ?? null,
		mediaTypeName: raw.mediaTypeName ?? null,
		isOutbound: raw.isOutbound === true || raw.isOutbound === 'true',
	};
}

it('every state item carries the contact columns of its record', async () => {
	const ctx = createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		credentials: fakeCxoneCredentials(fake),
		params: {
			agentSelection: 'all',
			timeRange: 'custom',
			start: TUE,
			end: WED,
			timezone: 'UTC',
			splitIntoItems: true,
			options: { boundary: 'asReturned', resolveAgentNames: false },
		},
	});
	const out = await new CxoneAgentStateHistory().execute.call(ctx);
	const items = out[0].map((i) => i.json as IDataObject);
	const raws = fake.recordsFor({ all: true, startMs: TUE, endMs: WED });
	expect(items).toHaveLength(raws.length);
	const byId = new Map(items.map((i) => [i.recordId, i]));
	let contacts = 0;
	let textFlags = 0;
	for (const raw of raws) {
		const id = `${String(raw.agentId)}:${String(raw.agentSessionId)}:${String(raw.stateIndex)}`;
		const item = byId.get(id);
		expect(item).toBeDefined();
		expect(item).toMatchObject(expected(raw));
		if (raw.contactId !== null) contacts++;
		if (typeof raw.isOutbound === 'string') textFlags++;
	}
	// The day has contacts, and agents that send the flag as text.
	expect(contacts).toBeGreaterThan(50);
	expect(textFlags).toBeGreaterThan(50);
});
