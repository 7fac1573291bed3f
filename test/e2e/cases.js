// Workflow and credential builders shared by the e2e tests and the demo.
'use strict';

const WINDOW = { start: '2024-05-07T00:00:00Z', end: '2024-05-08T00:00:00Z' };
const WINDOW_MS = { startMs: Date.parse(WINDOW.start), endMs: Date.parse(WINDOW.end) };

/** Fields every state item carries (the output contract); names are public API. */
const CONTRACT_FIELDS = [
	'recordId',
	'agentId',
	'teamId',
	'agentSessionId',
	'stateIndex',
	'stateId',
	'state',
	'reasonId',
	'reason',
	'label',
	'category',
	'startTimeUtc',
	'endTimeUtc',
	'startTime',
	'endTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
];
/** Added with Boundary Handling "Clip to Window". */
const CLIP_FIELDS = ['windowStartUtc', 'windowEndUtc', 'clippedDurationSeconds'];

/** Credential values for the fake server: discovery on (token URL and base URL left empty). */
function fakeCredentialData(fake, overrides = {}) {
	const c = fake.credentials;
	return {
		grantType: 'accessKey',
		clientId: c.clientId,
		clientSecret: c.clientSecret,
		clientAuth: 'basic',
		accessKeyId: c.accessKeyId,
		accessKeySecret: c.accessKeySecret,
		issuerUrl: fake.url,
		tokenUrl: '',
		apiBaseUrl: '',
		apiFlavor: 'cxone',
		apiVersion: 'v27.0',
		...overrides,
	};
}

function historyParameters(overrides = {}) {
	return {
		agentSelection: 'all',
		timeRange: 'custom',
		start: WINDOW.start,
		end: WINDOW.end,
		timezone: 'America/New_York',
		splitIntoItems: true,
		options: {},
		...overrides,
	};
}

module.exports = {
	WINDOW,
	WINDOW_MS,
	CONTRACT_FIELDS,
	CLIP_FIELDS,
	fakeCredentialData,
	historyParameters,
};
