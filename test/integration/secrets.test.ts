// Secrets across the whole fault matrix: the client secret, the access key secret, the Basic
// header value and every bearer token the fake issued must never appear in an output item, an
// error (message, description, messages, JSON, stack), a logger line or the console, whether the
// node throws or continues on fail. The faults are those of faultMatrix.test.ts.
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { CREDENTIALS, createFakeCxone } from '../fake-cxone';
import type { FakeCxone, FakeCxoneFaults } from '../fake-cxone';
import type { Params } from '../helpers/n8nContext';
import { fakeCxoneCredentials } from '../helpers/fakeCredentials';
import { createExecuteContext } from '../helpers/n8nContext';

const MON = '2024-05-06T00:00:00.000Z';
const TUE = '2024-05-07T00:00:00.000Z';
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/;

const formEncoded = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const basicValue = Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString(
	'base64',
);

/** Every secret value the credential holds, in the forms it is sent in. */
const CREDENTIAL_SECRETS = [
	CREDENTIALS.clientSecret,
	CREDENTIALS.accessKeySecret,
	formEncoded(CREDENTIALS.clientSecret),
	formEncoded(CREDENTIALS.accessKeySecret),
	encodeURIComponent(CREDENTIALS.clientSecret),
	encodeURIComponent(CREDENTIALS.accessKeySecret),
	basicValue,
];

type Scenario = [name: string, faults: FakeCxoneFaults, options?: Params];

const always = { count: -1 };
const SCENARIOS: Scenario[] = [
	['no fault', {}],
	['429 without Retry-After', { rateLimit: { count: 2 } }],
	['429 with Retry-After: 2', { rateLimit: { retryAfter: '2' } }],
	[
		'429 with an HTTP-date Retry-After',
		{ rateLimit: { retryAfter: 'Wed, 08 May 2024 18:00:07 GMT' } },
	],
	['429 on every attempt', { rateLimit: always }],
	...([500, 502, 503, 504] as const).flatMap((status): Scenario[] => [
		[`HTTP ${status}`, { serverError: { status } }],
		[`HTTP ${status} on every attempt`, { serverError: { status, ...always } }],
	]),
	['connection reset mid-body', { reset: {} }],
	['connection reset on every attempt', { reset: always }],
	['truncated JSON', { truncate: {} }],
	['truncated JSON on every attempt', { truncate: always }],
	['slower than the timeout', { slow: { delayMs: 1500 } }, { timeoutSeconds: 1 }],
	[
		'slower than the timeout on every attempt',
		{ slow: { ...always, delayMs: 1500 } },
		{ timeoutSeconds: 1, maxRetries: 1 },
	],
	['204 mid-pagination', { noContentAtPage: { page: 2 } }],
	['repeated _links.next', { repeatNextLink: {} }],
	['same record on both sides of a page edge', { duplicateEdge: always }],
	['totalRecords changing between pages', { totalRecordsDrift: always }],
	['token expiring mid-pagination', { expireTokenAfterRequests: { n: 2 } }],
	['token rejected right after a refresh', { expireTokenAfterRequests: { n: 0, ...always } }],
	['token endpoint: invalid_client', { tokenError: { error: 'invalid_client' } }],
	['token endpoint: invalid_grant', { tokenError: { error: 'invalid_grant' } }],
];

// Everything printed or logged anywhere while a scenario runs.
const printed: string[] = [];
const capture = (...args: unknown[]) => {
	printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
};
const real = { ...retryTiming };

beforeAll(() => {
	retryTiming.sleep = async () => {};
	retryTiming.now = () => NOW;
	LoggerProxy.init({ error: capture, warn: capture, info: capture, debug: capture });
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, level).mockImplementation(capture);
	}
});
afterAll(() => {
	Object.assign(retryTiming, real);
	jest.restoreAllMocks();
});

/** The real credential type, remembering every access token its preAuthentication obtained. */
function recordingCredentialType(issued: string[]) {
	const type = new CxoneOAuth2Api();
	const preAuthentication = type.preAuthentication;
	type.preAuthentication = async function (
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	) {
		const out = await preAuthentication.call(this, credentials);
		issued.push(out.accessToken);
		return out;
	};
	return type;
}

function errorTexts(error: unknown): string[] {
	if (error === undefined) return [];
	const e = error as Error & { description?: unknown; messages?: unknown; cause?: unknown };
	return [
		e.message,
		String(e.description),
		JSON.stringify(e.messages),
		JSON.stringify(e),
		JSON.stringify(e.cause ?? null),
		String(e.stack),
	];
}

async function runScenario(
	fake: FakeCxone,
	[, faults, options]: Scenario,
	continueOnFail: boolean,
	credentials: Record<string, unknown> = {},
) {
	fake.clearFaults();
	fake.resetLog();
	fake.setFaults(faults);
	printed.length = 0;
	const issued: string[] = [];
	const ctx = createExecuteContext({
		credentialType: recordingCredentialType(issued),
		continueOnFail,
		credentials: { ...fakeCxoneCredentials(fake), ...credentials },
		params: {
			agentSelection: 'all',
			teamIds: '',
			timeRange: 'custom',
			start: MON,
			end: TUE,
			timezone: 'UTC',
			splitIntoItems: true,
			options: { pageSize: 50, includeSummary: true, includeRaw: true, ...options },
		},
	});
	let output: unknown;
	let error: unknown;
	try {
		output = await new CxoneAgentStateHistory().execute.call(ctx);
	} catch (caught) {
		error = caught;
	}
	const texts = [
		JSON.stringify(output ?? null),
		...errorTexts(error),
		JSON.stringify(ctx.harness.logs),
		...printed,
	];
	return { texts, issued, output, error, stored: ctx.harness.credentials };
}

function leaks(texts: string[], issued: string[]): string[] {
	const forbidden = [...CREDENTIAL_SECRETS, ...issued];
	const found: string[] = [];
	for (const text of texts) {
		for (const secret of forbidden) if (text.includes(secret)) found.push(secret);
		const jwt = JWT.exec(text);
		if (jwt) found.push(jwt[0]);
	}
	return [...new Set(found)];
}

describe('no secret or token in any output, error or log line, across the fault matrix', () => {
	let fake: FakeCxone;
	beforeAll(async () => {
		fake = createFakeCxone({ agents: 6, seed: 7 });
		await fake.start(0);
	});
	afterAll(async () => {
		await fake.stop();
	});

	describe.each(SCENARIOS)('%s', (...scenario) => {
		it.each([false, true])('continueOnFail %s', async (continueOnFail) => {
			const { texts, issued, output, error } = await runScenario(
				fake,
				scenario as Scenario,
				continueOnFail,
			);
			// Either records/error items came out or the node threw: something was checked.
			expect(output !== undefined || error !== undefined).toBe(true);
			if (!scenario[1].tokenError) expect(issued.length).toBeGreaterThanOrEqual(1);
			expect(leaks(texts, issued)).toEqual([]);
		});
	});

	it('the check sees secrets and every issued token where they belong: in the stored credential', async () => {
		const run = await runScenario(fake, ['', { expireTokenAfterRequests: { n: 2 } }], false);
		expect(run.issued).toHaveLength(2);
		expect(leaks(run.texts, run.issued)).toEqual([]);
		expect(leaks([JSON.stringify(run.stored)], run.issued)).toEqual(
			expect.arrayContaining([
				CREDENTIALS.clientSecret,
				CREDENTIALS.accessKeySecret,
				run.issued[1],
			]),
		);
		expect(leaks([`Authorization: Bearer ${run.issued[0]}`], [])).toEqual([run.issued[0]]);
	});

	it.each(['basic', 'body'])(
		'token endpoint errors with client authentication "%s" leak nothing',
		async (clientAuth) => {
			for (const error of ['invalid_client', 'invalid_grant'] as const) {
				const run = await runScenario(fake, ['', { tokenError: { error } }], true, { clientAuth });
				expect(JSON.stringify(run.output)).toContain('CXone token request');
				expect(leaks(run.texts, run.issued)).toEqual([]);
			}
		},
	);

	it('a token URL that carries the client secret as its password is refused without echoing it', async () => {
		const tokenUrl = `http://${encodeURIComponent(CREDENTIALS.clientId)}:${encodeURIComponent(CREDENTIALS.clientSecret)}@127.0.0.1:1/auth/token`;
		const run = await runScenario(fake, ['', {}], false, { tokenUrl });
		expect((run.error as Error).message).toMatch(
			/^Token URL must not contain a user name or password/,
		);
		expect(leaks(run.texts, run.issued)).toEqual([]);
	});
});
