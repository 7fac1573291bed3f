// The bad-input matrix of issue 7: bad node parameters and bad credential values, each stopping
// the item with an error whose message names the field and the fix, before anything is sent.
// Parameters give a NodeOperationError pointing at the parameter; credential values are checked
// by the credential (preAuthentication, or authenticate for the API base URL), which n8n-core
// wraps in a NodeApiError. Trailing slashes on the credential's URLs are normalized, not refused.
import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import type { Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';

const AGENT = '39260750';
const HISTORY = `/inContactAPI/services/v27.0/agents/${AGENT}/state-history`;

/** A valid item: one agent, one past UTC day, no name lookup, no retries. */
const VALID: Params = {
	agentSelection: 'ids',
	agentIds: AGENT,
	teamIds: '',
	timeRange: 'custom',
	start: '2024-05-01T00:00:00Z',
	end: '2024-05-02T00:00:00Z',
	timezone: 'UTC',
	splitIntoItems: true,
	options: { resolveAgentNames: false, maxRetries: 0 },
};

/** A valid credential whose token is not stored yet, so preAuthentication checks every value. */
const CREDENTIAL = {
	grantType: 'accessKey',
	clientId: 'client-id@Vendor',
	clientSecret: 'dummy-client-secret==',
	clientAuth: 'basic',
	accessKeyId: 'dummy-access-key-id',
	accessKeySecret: 'dummy-access-key-secret==',
	issuerUrl: 'https://cxone.example.com',
	tokenUrl: '',
	apiBaseUrl: '',
	apiFlavor: 'cxone',
	apiVersion: 'v27.0',
	accessToken: '',
	resolvedBaseUrl: '',
};

const option = (values: Params): Params => ({
	options: { ...(VALID.options as Params), ...values },
});

const HOURS = (got: string) =>
	`Hours must be a number greater than 0 and at most 8784 (366 days); got ${got}. Enter how many hours before now to read.`;
const TIMEZONE = (zone: string) =>
	`Timezone "${zone}" is not an IANA timezone name. Use a name like "America/New_York", "Europe/London" or "UTC", or leave it empty for the workflow's timezone.`;
const OVERRIDE_FORMAT =
	'Use a JSON object like {"2": "Not Ready", "9": "Wrap"} or id=name pairs separated by commas or new lines, like 2=Not Ready, 9=Wrap.';
const HTTPS_ONLY =
	'must start with https:// (http:// is allowed only for localhost, 127.x.x.x and [::1]).';
const ORIGIN_ONLY =
	'Enter only the scheme and host, for example https://api-na1.niceincontact.com; the node adds /inContactAPI/… itself.';
const API_VERSION = (v: string) =>
	`API Version "${v}" is not valid. Enter "v" followed by the version number, for example v27.0.`;

interface ParameterCase {
	name: string;
	params: Params;
	/** The parameter the description points at. */
	parameter: string;
	message: string;
}

const parameterCases: ParameterCase[] = [
	{
		name: 'empty agent IDs',
		params: { agentIds: '' },
		parameter: 'agentIds',
		message:
			'Agent IDs is empty. Enter at least one CXone agent ID (e.g. "39260750"), or choose "All Agents".',
	},
	{
		name: 'blank agent IDs (spaces and a tab)',
		params: { agentIds: '  \t ' },
		parameter: 'agentIds',
		message:
			'Agent IDs is empty. Enter at least one CXone agent ID (e.g. "39260750"), or choose "All Agents".',
	},
	{
		name: 'a negative agent ID',
		params: { agentIds: `${AGENT}, -5` },
		parameter: 'agentIds',
		message:
			'Agent IDs: "-5" is not numeric. The CXone Reporting API identifies agents by number (e.g. "39260750"); find it in CXone under Admin > Employees.',
	},
	{
		name: 'an agent ID that is an object (from an expression)',
		params: { agentIds: [{ id: 1 }] },
		parameter: 'agentIds',
		message:
			'Agent IDs: "[object Object]" is not an agent ID. Enter IDs as text, e.g. "39260750, 39260751".',
	},
	{
		name: 'an unknown agent selection',
		params: { agentSelection: 'everyone' },
		parameter: 'agentSelection',
		message: 'Agents "everyone" is not supported. Use list, ids or all.',
	},
	{
		name: 'a team name instead of a team ID',
		params: { agentSelection: 'all', teamIds: '205970, Sales' },
		parameter: 'teamIds',
		message:
			'Team IDs: "Sales" is not numeric. Enter CXone team IDs (numbers, e.g. "205970"), comma-separated, or leave it empty for all teams.',
	},
	{
		name: 'negative hours',
		params: { timeRange: 'lastHours', hours: -3 },
		parameter: 'hours',
		message: HOURS('-3'),
	},
	{
		name: 'zero hours',
		params: { timeRange: 'lastHours', hours: 0 },
		parameter: 'hours',
		message: HOURS('0'),
	},
	{
		name: 'hours that are not a number',
		params: { timeRange: 'lastHours', hours: 'a day' },
		parameter: 'hours',
		message: HOURS('"a day"'),
	},
	{
		name: 'hours above a leap year',
		params: { timeRange: 'lastHours', hours: 9000 },
		parameter: 'hours',
		message: HOURS('9000'),
	},
	{
		name: 'an end before the start',
		params: { start: '2024-05-02T00:00:00Z', end: '2024-05-01T00:00:00Z' },
		parameter: 'end',
		message:
			'End (2024-05-01T00:00:00.000Z) must be after Start (2024-05-02T00:00:00.000Z). Pick a later End or an earlier Start.',
	},
	{
		name: 'an end that is not a date',
		params: { end: 'tomorrow' },
		parameter: 'end',
		message:
			'End is not a valid date: "tomorrow". Use ISO 8601, e.g. 2024-05-01T00:00:00 (read in the chosen time zone) or 2024-05-01T00:00:00Z (UTC).',
	},
	{
		name: 'an unknown time range',
		params: { timeRange: 'lastWeek' },
		parameter: 'timeRange',
		message: 'Time Range "lastWeek" is not supported. Use lastHours, today, yesterday or custom.',
	},
	{
		name: 'an unknown timezone',
		params: { timezone: 'America/Nowhere' },
		parameter: 'timezone',
		message: TIMEZONE('America/Nowhere'),
	},
	{
		name: 'an offset instead of a timezone name',
		params: { timezone: 'GMT+5' },
		parameter: 'timezone',
		message: TIMEZONE('GMT+5'),
	},
	{
		name: 'a state-name override with an empty name',
		params: option({ stateNameOverrides: '2=' }),
		parameter: 'options.stateNameOverrides',
		message: `State name override "2=": the name is empty or not text. ${OVERRIDE_FORMAT}`,
	},
	{
		name: 'a state-name override without "="',
		params: option({ stateNameOverrides: 'Not Ready' }),
		parameter: 'options.stateNameOverrides',
		message: `State name override "Not Ready" has no "=". ${OVERRIDE_FORMAT}`,
	},
	{
		name: 'a state-name override listing one id twice',
		params: option({ stateNameOverrides: '2=Not Ready, 2=Wrap' }),
		parameter: 'options.stateNameOverrides',
		message: `State name override "2=Wrap": state id 2 is listed twice. ${OVERRIDE_FORMAT}`,
	},
	{
		name: 'state-name overrides as a JSON list',
		params: option({ stateNameOverrides: ['2=Not Ready'] }),
		parameter: 'options.stateNameOverrides',
		message: `State name overrides must be an object, not a list. ${OVERRIDE_FORMAT}`,
	},
	{
		name: 'a negative chunk size',
		params: option({ chunkHours: -1 }),
		parameter: 'options.chunkHours',
		message: 'Chunk Size (Hours) must be a number above 0 (got "-1"). 24 suits most tenants.',
	},
	{
		name: 'a chunk size so small the window needs over 100000 requests',
		params: option({ chunkHours: 0.0001 }),
		parameter: 'options.chunkHours',
		message:
			'Chunk Size (Hours) of 0.0001 splits the window into more than 100000 requests. Use a larger chunk size; 24 suits most tenants.',
	},
	{
		name: 'a page size that is text',
		params: option({ pageSize: 'many' }),
		parameter: 'options.pageSize',
		message: 'Page Size must be a whole number from 1 to 10000 (got "many").',
	},
	{
		name: 'negative Max Records',
		params: option({ maxRecords: -1 }),
		parameter: 'options.maxRecords',
		message: 'Max Records must be a whole number from 0 to 1000000000 (got "-1").',
	},
	{
		name: 'fractional Max Pages',
		params: option({ maxPages: 1.5 }),
		parameter: 'options.maxPages',
		message: 'Max Pages must be a whole number from 0 to 1000000000 (got "1.5").',
	},
	{
		name: 'a concurrency of 0',
		params: option({ concurrency: 0 }),
		parameter: 'options.concurrency',
		message: 'Concurrency must be a whole number from 1 to 16 (got "0").',
	},
	{
		name: 'a concurrency above 16',
		params: option({ concurrency: 17 }),
		parameter: 'options.concurrency',
		message: 'Concurrency must be a whole number from 1 to 16 (got "17").',
	},
	{
		name: 'more than 10 retries',
		params: option({ maxRetries: 11 }),
		parameter: 'options.maxRetries',
		message: 'Max Retries must be a whole number from 0 to 10 (got "11").',
	},
	{
		name: 'a timeout of 0',
		params: option({ timeoutSeconds: 0 }),
		parameter: 'options.timeoutSeconds',
		message: 'Timeout (Seconds) must be a number above 0 (got "0"). 60 suits most tenants.',
	},
	{
		name: 'a threshold that is not a number',
		params: option({ thresholdMinutes: 'fifteen' }),
		parameter: 'options.thresholdMinutes',
		message: 'Flag States Longer Than (Minutes) must be 0 (off) or more (got "fifteen").',
	},
	{
		name: 'an unknown boundary handling',
		params: option({ boundary: 'trim' }),
		parameter: 'options.boundary',
		message: 'Boundary Handling "trim" is not supported. Use clip, asReturned or startInWindow.',
	},
	{
		name: 'an unknown sort order',
		params: option({ sort: 'newest' }),
		parameter: 'options.sort',
		message: 'Sort "newest" is not supported. Use startAsc, startDesc or agentStartAsc.',
	},
];

interface CredentialCase {
	name: string;
	credentials: Record<string, unknown>;
	message: string;
}

const credentialCases: CredentialCase[] = [
	{
		name: 'an empty client ID',
		credentials: { clientId: '' },
		message: 'Client ID is empty. Enter the client ID of your CXone API application registration.',
	},
	{
		name: 'a blank client secret',
		credentials: { clientSecret: '   ' },
		message:
			'Client Secret is empty. Enter the client secret of your CXone API application registration.',
	},
	{
		name: 'an empty access key ID',
		credentials: { accessKeyId: '' },
		message:
			'Access Key ID is empty. Create an access key for the API user in CXone (Admin > Employees > the user > Access Keys) and enter its ID.',
	},
	{
		name: 'an empty access key secret',
		credentials: { accessKeySecret: '' },
		message:
			'Access Key Secret is empty. Enter the secret shown when the access key was created (CXone shows it only once; create a new key if it is lost).',
	},
	{
		name: 'an issuer URL without a scheme',
		credentials: { issuerUrl: 'cxone.niceincontact.com' },
		message: 'Issuer URL is not a valid URL. Enter a full URL that starts with https://.',
	},
	{
		name: 'a plain http:// issuer URL',
		credentials: { issuerUrl: 'http://cxone.niceincontact.com' },
		message: `Issuer URL ${HTTPS_ONLY}`,
	},
	{
		name: 'a plain http:// token URL on a host that only looks like loopback',
		credentials: { tokenUrl: 'http://127.0.0.1.evil.example/auth/token' },
		message: `Token URL ${HTTPS_ONLY}`,
	},
	{
		name: 'an API base URL that is not a URL',
		credentials: { apiBaseUrl: 'api-na1.niceincontact.com' },
		message: 'API Base URL is not a valid URL. Enter a full URL that starts with https://.',
	},
	{
		name: 'an API base URL with a path',
		credentials: { apiBaseUrl: 'https://api-na1.niceincontact.com/inContactAPI/services/v27.0' },
		message: `API Base URL must not contain a path (found "/inContactAPI/services/v27.0"). ${ORIGIN_ONLY}`,
	},
	{
		name: 'an API base URL with a path, token already stored (checked by authenticate)',
		credentials: {
			apiBaseUrl: 'https://api-na1.niceincontact.com/inContactAPI/',
			accessToken: 'stored-token',
		},
		message: `API Base URL must not contain a path (found "/inContactAPI/"). ${ORIGIN_ONLY}`,
	},
	{
		name: 'a plain http:// API base URL',
		credentials: { apiBaseUrl: 'http://api-na1.niceincontact.com' },
		message: `API Base URL ${HTTPS_ONLY}`,
	},
	{
		name: 'an API base URL carrying a user and password',
		credentials: { apiBaseUrl: 'https://user:pass@api-na1.niceincontact.com' },
		message:
			'API Base URL must not contain a user name or password. Remove "user:password@" from it; the credential\'s ID and secret fields carry those.',
	},
	{
		name: 'an API version word',
		credentials: { apiVersion: 'latest' },
		message: API_VERSION('latest'),
	},
	{
		name: 'an API version without the "v"',
		credentials: { apiVersion: '27.0' },
		message: API_VERSION('27.0'),
	},
];

function context(params: Params, credentials: Record<string, unknown> = {}) {
	return createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		params: { ...VALID, ...params },
		credentials: { ...CREDENTIAL, ...credentials },
	});
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

/** Requests that reached the network layer (none may, with net connect disabled). */
const attempted: string[] = [];
const onNoMatch = (req: { hostname?: string; path?: string }) => {
	attempted.push(`${String(req.hostname)}${String(req.path)}`);
};

beforeAll(() => {
	nock.disableNetConnect();
	nock.emitter.on('no match', onNoMatch);
});
afterAll(() => {
	nock.emitter.removeListener('no match', onNoMatch);
	nock.enableNetConnect();
});
beforeEach(() => {
	attempted.length = 0;
});
afterEach(() => {
	nock.cleanAll();
});

it('the matrix has at least 25 bad values', () => {
	expect(parameterCases.length + credentialCases.length).toBeGreaterThanOrEqual(25);
});

describe.each(parameterCases)('parameter: $name', ({ params, parameter, message }) => {
	it('is a NodeOperationError naming the parameter and the fix; nothing is sent', async () => {
		const ctx = context(params);
		const error = (await failure(
			new CxoneAgentStateHistory().execute.call(ctx),
		)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.description).toBe(`Check the "${parameter}" parameter.`);
		expect(ctx.harness.authCalls).toEqual([]);
	});
});

describe.each(credentialCases)('credential: $name', ({ credentials, message }) => {
	it('is a NodeApiError (the credential throws, n8n-core wraps) naming the field and the fix; nothing is sent', async () => {
		const ctx = context({}, credentials);
		const error = (await failure(new CxoneAgentStateHistory().execute.call(ctx))) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(message);
		expect(attempted).toEqual([]);
		// The bad value is never stored as if it had worked.
		expect(ctx.harness.credentials?.resolvedBaseUrl).toBe('');
	});
});

describe('normalized, not refused', () => {
	it('trailing slashes on the issuer, token and API base URLs are dropped', async () => {
		const token = nock('https://cxone.example.com')
			.post('/auth/token')
			.reply(200, { access_token: 'opaque-token-1', token_type: 'Bearer', expires_in: 3600 });
		const api = nock('https://api-na1.example.com').get(HISTORY).query(true).reply(204);
		const ctx = context(
			{},
			{
				issuerUrl: 'https://cxone.example.com/',
				tokenUrl: 'https://cxone.example.com/auth/token/',
				apiBaseUrl: 'https://api-na1.example.com//',
			},
		);
		const out = await new CxoneAgentStateHistory().execute.call(ctx);
		expect(token.isDone() && api.isDone()).toBe(true);
		expect(attempted).toEqual([]);
		expect(ctx.harness.credentials?.resolvedBaseUrl).toBe('https://api-na1.example.com');
		expect(out[0].map((item) => item.json.itemType)).toEqual(['noRecords']);
	});

	it('plain http:// is accepted for loopback hosts', async () => {
		const api = nock('http://localhost:8910').get(HISTORY).query(true).reply(204);
		const ctx = context({}, { apiBaseUrl: 'http://localhost:8910/', accessToken: 'stored-token' });
		await new CxoneAgentStateHistory().execute.call(ctx);
		expect(api.isDone()).toBe(true);
		expect(attempted).toEqual([]);
	});
});
