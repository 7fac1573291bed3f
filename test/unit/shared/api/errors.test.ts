import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	apiError,
	cxoneMessage,
	redactAuthorization,
	statusError,
} from '../../../../nodes/shared/api/errors';

const node: INode = {
	id: 'n1',
	name: 'CXone',
	type: 'CUSTOM.cxoneAgentStateHistory',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('cxoneMessage', () => {
	it('reads message, error_description, error, Message, a string body, then the header', () => {
		expect(cxoneMessage({ message: 'a', error: 'b' }, {})).toBe('a');
		expect(cxoneMessage({ error_description: 'c', error: 'd' }, {})).toBe('c');
		expect(cxoneMessage({ error: 'd' }, {})).toBe('d');
		expect(cxoneMessage({ Message: 'e' }, {})).toBe('e');
		expect(cxoneMessage('  plain\n text ', {})).toBe('plain text');
		expect(cxoneMessage({}, { icstatusdescription: 'from header' })).toBe('from header');
		expect(cxoneMessage('', { icstatusdescription: ' ' })).toBeUndefined();
		expect(cxoneMessage(null, {})).toBeUndefined();
		expect(cxoneMessage([1], {})).toBeUndefined();
	});

	it('truncates long texts', () => {
		const text = cxoneMessage('x'.repeat(1000), {});
		expect(text).toHaveLength(301);
		expect(text?.endsWith('…')).toBe(true);
	});
});

describe('statusError / apiError', () => {
	it('builds a NodeApiError with status, message and hint only', () => {
		const err = statusError(node, 503, { message: 'down' }, {}, 'GET /x', 4);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.httpCode).toBe('503');
		expect(err.message).toBe('CXone API request failed with HTTP 503 after 4 attempts: down');
		expect(err.description).toBe(
			'CXone is overloaded or unavailable. Try again later, or lower the concurrency. Request: GET /x',
		);
		expect(err.cause).toBeUndefined();
	});

	it('has no hint line for other statuses beyond the request', () => {
		expect(statusError(node, 409, 'conflict', {}, 'GET /y').description).toBe('Request: GET /y');
	});

	it('keeps a null httpCode and no description when none are given', () => {
		const err = apiError(node, null, 'Something odd');
		expect(err.httpCode).toBeNull();
		expect(err.message).toBe('Something odd');
		expect(err.description).toBeFalsy();
	});

	it('redacts bearer tokens and Authorization values', () => {
		expect(redactAuthorization('"authorization": "Bearer abc.def",\n')).toBe(
			'"authorization": "[redacted]",\n',
		);
		expect(redactAuthorization('sent Bearer eyJhbGciOi.x-y_z ok')).toBe(
			'sent Bearer [redacted] ok',
		);
		const err = apiError(
			node,
			'500',
			'failed with bearer tok-123',
			'Authorization: Bearer tok-123',
		);
		expect(JSON.stringify(err)).not.toContain('tok-123');
	});
});
