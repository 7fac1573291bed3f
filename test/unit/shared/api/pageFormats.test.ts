// Page formats: the page envelopes of CXone's lists and of Reporting API v2, and CXone's next links.
import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	cxoneList,
	parsePage,
	relativeNextLink,
	V2_PAGES,
} from '../../../../nodes/shared/api/pageFormats';
import { parseCxoneEnvelope, parseV2Envelope } from '../../../../nodes/shared/api/schemas/page';

const node: INode = {
	id: 'n1',
	name: 'CXone',
	type: 'CUSTOM.cxoneAgentStateHistory',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const HISTORY = cxoneList('agentStateHistory');

function failure(fn: () => unknown): NodeApiError {
	try {
		fn();
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a failure');
}

describe('CXone next links', () => {
	it('makes _links.next relative from /inContactAPI/ (any case), keeping the query', () => {
		expect(
			relativeNextLink(
				'https://api-c29.nice-incontact.com/inContactAPI/services/v27.0/agents/state-history?startDate=x&skip=100&top=100',
			),
		).toBe('/inContactAPI/services/v27.0/agents/state-history?startDate=x&skip=100&top=100');
		expect(
			relativeNextLink('https://evil.example.com/proxy/INCONTACTAPI/services/v2/x?y=1#f'),
		).toBe('/INCONTACTAPI/services/v2/x?y=1');
		expect(relativeNextLink('/incontactapi/services/v27.0/agents?skip=5')).toBe(
			'/incontactapi/services/v27.0/agents?skip=5',
		);
		expect(relativeNextLink('https://elsewhere.example.com/api/next?page=2')).toBeUndefined();
	});
});

describe('CXone page envelope', () => {
	it('parses a full page', () => {
		const page = parsePage(node, HISTORY, {
			totalRecords: '12',
			businessUnitId: 4607084,
			lastPollTime: '2024-05-01T12:00:05.123Z',
			_links: { self: 'x', next: 'https://h/inContactAPI/services/v27.0/a?skip=2', previous: null },
			agentStateHistory: [{ stateIndex: 1 }, { stateIndex: 2 }],
		});
		expect(page).toEqual({
			records: [{ stateIndex: 1 }, { stateIndex: 2 }],
			totalRecords: 12,
			next: 'https://h/inContactAPI/services/v27.0/a?skip=2',
			lastPollTime: '2024-05-01T12:00:05.123Z',
		});
	});

	it('accepts the legacy { entries: [...] } wrapper, HAL links and null links', () => {
		expect(
			parseCxoneEnvelope(
				{ totalRecords: 1, agentStateHistory: { entries: [{ a: 1 }] }, _links: null },
				'agentStateHistory',
			),
		).toEqual({ ok: true, page: { records: [{ a: 1 }], totalRecords: 1 } });
		expect(
			parseCxoneEnvelope(
				{
					totalRecords: 1,
					agents: [{ agentId: 1 }],
					_links: { next: { href: '/inContactAPI/x' } },
				},
				'agents',
			),
		).toEqual({
			ok: true,
			page: { records: [{ agentId: 1 }], totalRecords: 1, next: '/inContactAPI/x' },
		});
	});

	it('treats an empty next link, a missing list with totalRecords 0 and odd lastPollTime as absent', () => {
		expect(
			parseCxoneEnvelope(
				{ totalRecords: 0, _links: { next: '' }, lastPollTime: 17 },
				'agentStateHistory',
			),
		).toEqual({ ok: true, page: { records: [], totalRecords: 0 } });
		expect(parseCxoneEnvelope({ agentStateHistory: [] }, 'agentStateHistory')).toEqual({
			ok: true,
			page: { records: [] },
		});
	});

	it('names what is wrong in an unexpected shape', () => {
		const wrongType = failure(() =>
			parsePage(node, HISTORY, { totalRecords: 2, agentStateHistory: 'oops' }),
		);
		expect(wrongType).toBeInstanceOf(NodeApiError);
		expect(wrongType.message).toBe(
			'Unexpected response shape from CXone: agentStateHistory must be an array of records',
		);
		expect(wrongType.description).toMatch(/API flavor and the API version/);

		expect(failure(() => parsePage(node, cxoneList('agents'), { totalRecords: 3 })).message).toBe(
			'Unexpected response shape from CXone: agents is missing although totalRecords is 3',
		);
		expect(
			failure(() => parsePage(node, HISTORY, { totalRecords: 'many', agentStateHistory: [] }))
				.message,
		).toBe(
			'Unexpected response shape from CXone: totalRecords must be a non-negative whole number',
		);
		expect(failure(() => parsePage(node, HISTORY, [1, 2])).message).toBe(
			'Unexpected response shape from CXone: body Expected object, received array',
		);
	});
});

describe('Reporting API v2 page envelope', () => {
	it('reads the token at the top level or under pagination', () => {
		expect(parseV2Envelope({ records: [{ a: 1 }], next_page_token: 'T2' })).toEqual({
			ok: true,
			page: { records: [{ a: 1 }], next: 'T2' },
		});
		expect(
			parseV2Envelope({ records: [], pagination: { next_page_token: 'P3' }, next_page_token: '' }),
		).toEqual({ ok: true, page: { records: [], next: 'P3' } });
		expect(parseV2Envelope({ records: [], next_page_token: 42 })).toEqual({
			ok: true,
			page: { records: [], next: '42' },
		});
		expect(parseV2Envelope({ records: [], next_page_token: null, pagination: null })).toEqual({
			ok: true,
			page: { records: [] },
		});
	});

	it('names a missing or wrong records list', () => {
		const missing = failure(() => parsePage(node, V2_PAGES, { next_page_token: 'x' }));
		expect(missing.message).toBe(
			'Unexpected response shape from Reporting API v2: records is missing',
		);
		expect(missing.description).toMatch(/API flavor/);
		expect(failure(() => parsePage(node, V2_PAGES, { records: {} })).message).toBe(
			'Unexpected response shape from Reporting API v2: records must be an array of records',
		);
	});
});
