// The fake CXone server over real HTTP (global fetch, port 0): discovery, tokens, strict query
// validation, paging, data shapes, determinism, faults, the clock and the Reporting v2 flavor.
import { createFakeCxone, type FakeCxone } from '../fake-cxone';

type Json = Record<string, unknown>;
type RawRecord = Record<string, unknown>;

interface CxonePage {
	totalRecords: number;
	businessUnitId: number;
	lastPollTime: string;
	_links: { self: string; next: string | null; previous: string | null };
	agentStateHistory: RawRecord[];
}

interface V2Record {
	user_id: string;
	session_id: string;
	state_index: number;
	state_id: number;
	state_name: string;
	reason_id: number | null;
	reason_name: string | null;
	start_time: string;
	end_time: string | null;
	duration: number;
}

interface V2Page {
	records: V2Record[];
	next_page_token?: string;
	pagination?: { next_page_token?: string };
}

const HOUR = 3600000;
const DAY = 24 * HOUR;
const V = '/inContactAPI/services/v27.0';
const MON = Date.parse('2024-05-06T00:00:00.000Z');
const WED = Date.parse('2024-05-08T00:00:00.000Z');
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const AGENT = 39260750;

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

function recordId(r: RawRecord): string {
	return `${String(r.agentId)}:${String(r.agentSessionId)}:${String(r.stateIndex)}`;
}

function historyPath(params: Record<string, string | number>, agentId?: number | string): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) q.set(k, String(v));
	const base =
		agentId === undefined ? `${V}/agents/state-history` : `${V}/agents/${agentId}/state-history`;
	return `${base}?${q.toString()}`;
}

/** Seconds of a CXone duration in any of its shapes. */
function durationSeconds(d: unknown): number {
	if (typeof d === 'number') return d;
	const s = String(d);
	if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
	const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
	if (!m) throw new Error(`not a duration: ${s}`);
	return (
		Number(m[1] ?? 0) * 86400 +
		Number(m[2] ?? 0) * 3600 +
		Number(m[3] ?? 0) * 60 +
		Number(m[4] ?? 0)
	);
}

function decodeJwtPayload(token: string): Json {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Json;
}

class Client {
	token = '';

	constructor(private readonly fake: FakeCxone) {}

	get url(): string {
		return this.fake.url as string;
	}

	async tokenRequest(
		grant: 'password' | 'client_credentials' | string = 'password',
		style: 'basic' | 'body' = 'basic',
		override: Partial<Record<'clientSecret' | 'accessKeySecret', string>> = {},
		rawBody?: string,
	): Promise<Response> {
		const c = { ...this.fake.credentials, ...override };
		const form = new URLSearchParams({ grant_type: grant });
		if (grant === 'password') {
			form.set('username', c.accessKeyId);
			form.set('password', c.accessKeySecret);
		}
		const headers: Record<string, string> = {
			'Content-Type': 'application/x-www-form-urlencoded',
		};
		if (style === 'basic') {
			headers.Authorization = `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`;
		} else {
			form.set('client_id', c.clientId);
			form.set('client_secret', c.clientSecret);
		}
		return await fetch(`${this.url}/auth/token`, {
			method: 'POST',
			headers,
			body: rawBody ?? form.toString(),
		});
	}

	async login(): Promise<string> {
		const res = await this.tokenRequest();
		expect(res.status).toBe(200);
		this.token = ((await res.json()) as Json).access_token as string;
		return this.token;
	}

	async get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
		const target = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.url}${pathOrUrl}`;
		return await fetch(target, {
			headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...headers },
		});
	}

	async getJson<T>(pathOrUrl: string): Promise<T> {
		const res = await this.get(pathOrUrl);
		expect(res.status).toBe(200);
		return (await res.json()) as T;
	}

	/** Follows `_links.next` from the first page; returns every record and the pages seen. */
	async followNext(first: string): Promise<{ records: RawRecord[]; pages: CxonePage[] }> {
		const records: RawRecord[] = [];
		const pages: CxonePage[] = [];
		let next: string | null = first;
		while (next) {
			const res = await this.get(next);
			if (res.status === 204) break;
			expect(res.status).toBe(200);
			const page = (await res.json()) as CxonePage;
			pages.push(page);
			records.push(...page.agentStateHistory);
			next = page._links.next;
			expect(pages.length).toBeLessThan(1000);
		}
		return { records, pages };
	}

	async v2Pages(params: Record<string, string | number>): Promise<V2Page[]> {
		const pages: V2Page[] = [];
		let token: string | undefined;
		do {
			const q = new URLSearchParams();
			for (const [k, v] of Object.entries(params)) q.set(k, String(v));
			if (token) q.set('page_token', token);
			const page = await this.getJson<V2Page>(
				`/reporting/v2/agents/states/history?${q.toString()}`,
			);
			pages.push(page);
			token = page.next_page_token || page.pagination?.next_page_token || undefined;
			expect(pages.length).toBeLessThan(1000);
		} while (token);
		return pages;
	}
}

describe('fake CXone server', () => {
	const fake = createFakeCxone();
	const client = new Client(fake);
	let url = '';

	beforeAll(async () => {
		url = (await fake.start()).url;
		await client.login();
	});

	afterAll(async () => {
		await fake.stop();
	});

	beforeEach(() => {
		fake.clearFaults();
		fake.resetLog();
		fake.setNow(NOW);
	});

	describe('discovery and tokens', () => {
		it('runs the discovery chain with both grants and both client-auth styles', async () => {
			const oidc = (await (await fetch(`${url}/.well-known/openid-configuration`)).json()) as Json;
			expect(oidc.issuer).toBe(url);
			expect(oidc.token_endpoint).toBe(`${url}/auth/token`);
			expect(oidc.token_endpoint_auth_methods_supported).toEqual([
				'client_secret_basic',
				'client_secret_post',
			]);
			expect(oidc.scopes_supported).toEqual(['openid']);

			for (const grant of ['password', 'client_credentials']) {
				for (const style of ['basic', 'body'] as const) {
					const res = await client.tokenRequest(grant, style);
					expect(res.status).toBe(200);
					const body = (await res.json()) as Json;
					expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
					expect(typeof body.refresh_token).toBe('string');
					expect(typeof body.id_token).toBe('string');
					const payload = decodeJwtPayload(body.access_token as string);
					expect(payload).toMatchObject({
						tenantId: fake.options.tenantId,
						icClusterId: 'B32',
						icBUId: 4607084,
						iss: url,
					});
					expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
					expect(payload.iat).toBe(NOW / 1000);

					const config = (await (
						await fetch(
							`${url}/.well-known/cxone-configuration?tenantId=${String(payload.tenantId)}`,
						)
					).json()) as Json;
					expect(config).toMatchObject({ api_endpoint: url, cluster: 'B32', area: 'na1' });
				}
			}
			const tokenCalls = fake.log.filter((e) => e.path === '/auth/token');
			expect(tokenCalls.map((e) => `${e.grantType}/${e.clientAuth}/${e.auth}`)).toEqual([
				'password/basic/basic',
				'password/body/none',
				'client_credentials/basic/basic',
				'client_credentials/body/none',
			]);
			const oauthPath = await fetch(`${url}/oauth/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: fake.credentials.clientId,
					client_secret: fake.credentials.clientSecret,
				}).toString(),
			});
			expect(oauthPath.status).toBe(200);
		});

		it('answers the OAuth errors a real token endpoint gives', async () => {
			const wrongSecret = await client.tokenRequest('password', 'basic', { clientSecret: 'nope' });
			expect(wrongSecret.status).toBe(401);
			expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });

			const wrongKey = await client.tokenRequest('password', 'body', { accessKeySecret: 'nope' });
			expect(wrongKey.status).toBe(400);
			expect(await wrongKey.json()).toMatchObject({ error: 'invalid_grant' });

			// Keys contain '+', '/' and '=': sending them without URL-encoding breaks them.
			const c = fake.credentials;
			expect(c.accessKeySecret).toMatch(/[+/=]/);
			const raw = `grant_type=password&username=${c.accessKeyId}&password=${c.accessKeySecret}`;
			const unencoded = await client.tokenRequest('password', 'basic', {}, raw);
			expect(unencoded.status).toBe(400);

			const refresh = await client.tokenRequest('refresh_token');
			expect(refresh.status).toBe(400);
			expect(await refresh.json()).toMatchObject({ error: 'unsupported_grant_type' });

			const unknownTenant = await fetch(`${url}/.well-known/cxone-configuration?tenantId=nope`);
			expect(unknownTenant.status).toBe(404);

			const noCc = createFakeCxone({ allowClientCredentials: false });
			await noCc.start();
			try {
				const res = await new Client(noCc).tokenRequest('client_credentials');
				expect(res.status).toBe(400);
				expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
			} finally {
				await noCc.stop();
			}
		});

		it('refuses missing, unknown, revoked and expired bearer tokens', async () => {
			const serverTime = `${V}/server-time`;
			expect(await client.getJson(serverTime)).toEqual({
				ServerTime: '2024-05-08T18:00:00.0000000Z',
			});
			expect(
				(await fetch(`${url}${serverTime}`, { headers: { Accept: 'application/json' } })).status,
			).toBe(401);
			expect((await client.get(serverTime, { Authorization: 'Bearer nope' })).status).toBe(401);

			const noAccept = await fetch(`${url}${serverTime}`, {
				headers: { Authorization: `Bearer ${client.token}` },
			});
			expect(noAccept.status).toBe(200);
			expect(await noAccept.text()).toBe('No known way to render data');

			fake.revokeTokens();
			expect((await client.get(serverTime)).status).toBe(401);
			expect(fake.log[fake.log.length - 1].tokenStatus).toBe('revoked');
			await client.login();

			fake.advance(3600 * 1000);
			expect((await client.get(serverTime)).status).toBe(401);
			expect(fake.log[fake.log.length - 1].tokenStatus).toBe('expired');
			await client.login();
			expect((await client.get(serverTime)).status).toBe(200);
		});
	});

	describe('state history', () => {
		const window = { startDate: iso(MON), endDate: iso(WED) };

		it('pages every record exactly once, in order, matching countRecords', async () => {
			const expected = fake.countRecords({ all: true, startMs: MON, endMs: WED });
			expect(expected).toBeGreaterThan(500);
			const { records, pages } = await client.followNext(historyPath({ ...window, top: 97 }));
			expect(records).toHaveLength(expected);
			expect(new Set(records.map(recordId)).size).toBe(expected);
			expect(pages.every((p) => p.totalRecords === expected)).toBe(true);
			expect(pages.every((p) => p.agentStateHistory.length <= 97)).toBe(true);
			expect(pages[pages.length - 1]._links.next).toBeNull();
			expect(pages[0]._links.previous).toBeNull();
			expect(pages[0].lastPollTime).toBe(iso(NOW));
			expect(records).toEqual(fake.recordsFor({ all: true, startMs: MON, endMs: WED }));

			// Sorted by agentId, then startDate; every record overlaps the window.
			for (let i = 1; i < records.length; i++) {
				const a = records[i - 1];
				const b = records[i];
				const byAgent = Number(a.agentId) - Number(b.agentId);
				expect(byAgent < 0 || (byAgent === 0 && String(a.startDate) < String(b.startDate))).toBe(
					true,
				);
			}
			for (const r of records) {
				const start = Date.parse(String(r.startDate));
				const end = start + durationSeconds(r.duration) * 1000;
				expect(start < WED && end > MON).toBe(true);
			}
		});

		it('pages one agent with skip/top and the default page size', async () => {
			const expected = fake.countRecords({ agentId: AGENT, startMs: MON, endMs: WED });
			const first = await client.getJson<CxonePage>(historyPath(window, AGENT));
			expect(first.agentStateHistory).toHaveLength(Math.min(100, expected));
			const all: RawRecord[] = [];
			for (let skip = 0; skip < expected; skip += 25) {
				const page = await client.getJson<CxonePage>(
					historyPath({ ...window, skip, top: 25 }, AGENT),
				);
				all.push(...page.agentStateHistory);
			}
			expect(all.map(recordId)).toEqual(
				fake
					.canonicalRecordsFor({ agentId: AGENT, startMs: MON, endMs: WED })
					.map((r) => r.recordId),
			);
			const clamped = await client.getJson<CxonePage>(historyPath({ ...window, top: 50000 }));
			expect(clamped.agentStateHistory).toHaveLength(
				Math.min(10000, fake.countRecords({ all: true, startMs: MON, endMs: WED })),
			);
		});

		it('serves totalRecords without next links when nextLinks is false', async () => {
			const plain = createFakeCxone({ nextLinks: false });
			await plain.start();
			try {
				const c = new Client(plain);
				await c.login();
				const total = plain.countRecords({ all: true, startMs: MON, endMs: WED });
				const seen = new Set<string>();
				for (let skip = 0; skip < total; skip += 200) {
					const page = await c.getJson<CxonePage>(historyPath({ ...window, skip, top: 200 }));
					expect(page._links.next).toBeNull();
					expect(page.totalRecords).toBe(total);
					page.agentStateHistory.forEach((r) => seen.add(recordId(r)));
				}
				expect(seen.size).toBe(total);
			} finally {
				await plain.stop();
			}
		});

		it('answers 204 with no body when there is nothing to return', async () => {
			const unknownAgent = await client.get(historyPath(window, 99999999));
			expect(unknownAgent.status).toBe(204);
			expect(await unknownAgent.text()).toBe('');
			const future = await client.get(
				historyPath({ startDate: iso(NOW + HOUR), endDate: iso(NOW + 2 * HOUR) }),
			);
			expect(future.status).toBe(204);
			const beyond = await client.get(historyPath({ ...window, skip: 1000000 }));
			expect(beyond.status).toBe(204);
		});

		it('rejects what real CXone rejects, with the text only in icStatusDescription', async () => {
			const cases: Array<[string, RegExp]> = [
				[
					historyPath({ startDate: '2024-05-06T00:00:00+00:00', endDate: window.endDate }),
					/^Invalid startDate/,
				],
				[
					historyPath({ startDate: window.startDate, endDate: '2024-05-08T00:00:00.000+00:00' }),
					/^Invalid endDate/,
				],
				[historyPath({ startDate: window.startDate }), /^Invalid endDate/],
				[
					historyPath({ startDate: window.endDate, endDate: window.startDate }),
					/^Invalid startDate/,
				],
				[
					historyPath({ startDate: window.startDate, endDate: window.startDate }),
					/^Invalid startDate/,
				],
				[historyPath(window, 'abc'), /^Invalid agentId/],
				[historyPath({ ...window, top: 'x' }), /^Invalid top/],
			];
			for (const [path, description] of cases) {
				const res = await client.get(path);
				expect(res.status).toBe(400);
				expect(res.headers.get('icStatusDescription')).toMatch(description);
				expect(await res.text()).toBe('');
			}
			const badVersion = await client.get(`/inContactAPI/services/latest/agents/state-history`);
			expect(badVersion.status).toBe(404);
			expect(await badVersion.json()).toEqual({ error: 'Not found' });
			const lowerCase = await client.get(`/incontactapi/services/V31.0/server-time`);
			expect(lowerCase.status).toBe(200);
		});

		it('serves the awkward real shapes', async () => {
			const records = fake.recordsFor({ all: true, startMs: MON - 3 * DAY, endMs: NOW });
			const durations = records.map((r) => r.duration);
			expect(durations.some((d) => typeof d === 'string' && /^PT.*\.\d+S$/.test(d))).toBe(true);
			expect(durations.some((d) => typeof d === 'string' && /^P\d+DT/.test(d))).toBe(true);
			expect(durations.some((d) => typeof d === 'string' && /^P2DT/.test(d))).toBe(true);
			expect(durations.some((d) => typeof d === 'number')).toBe(true);
			expect(durations.some((d) => typeof d === 'string' && /^\d+(\.\d+)?$/.test(d))).toBe(true);
			expect(records.some((r) => 'teamNo' in r && !('teamId' in r))).toBe(true);
			expect(records.some((r) => 'teamId' in r && !('teamNo' in r))).toBe(true);
			expect(records.some((r) => typeof r.agentId === 'string' && /^\d+$/.test(r.agentId))).toBe(
				true,
			);
			expect(records.some((r) => r.agentStateId === '2')).toBe(true);
			expect(records.some((r) => !('agentStateName' in r))).toBe(true);
			for (const r of records) {
				if (Number(r.agentStateId) === 2) {
					expect([77, 78, 79, 80, 81]).toContain(Number(r.outStateId));
					expect(typeof r.outStateDescription).toBe('string');
				} else {
					expect(Number(r.outStateId)).toBe(0);
					expect(r.outStateDescription).toBeNull();
				}
			}
			const breaks = records.filter((r) => r.outStateDescription === 'Break');
			expect(breaks.some((r) => durationSeconds(r.duration) > 20 * 60)).toBe(true);
			expect(breaks.some((r) => durationSeconds(r.duration) < 16 * 60)).toBe(true);
		});

		it('reports the state containing now as open, with duration up to now', async () => {
			const canonical = fake.canonicalRecordsFor({
				all: true,
				startMs: NOW - HOUR,
				endMs: NOW + HOUR,
			});
			const open = canonical.filter((r) => r.isOpen);
			expect(open).toHaveLength(fake.agents.length);
			expect(canonical.every((r) => r.startMs < NOW)).toBe(true);
			const page = await client.getJson<CxonePage>(
				historyPath({ startDate: iso(NOW - HOUR), endDate: iso(NOW + HOUR), top: 10000 }),
			);
			for (const o of open) {
				const raw = page.agentStateHistory.find((r) => recordId(r) === o.recordId) as RawRecord;
				expect(
					Date.parse(String(raw.startDate)) + durationSeconds(raw.duration) * 1000,
				).toBeCloseTo(Date.parse(page.lastPollTime), 0);
			}
		});

		it('sends the open state in the chosen shape; ended states keep their duration', async () => {
			const q = { startDate: iso(NOW - HOUR), endDate: iso(NOW + HOUR), top: 10000 };
			const open = new Set(
				fake
					.canonicalRecordsFor({ all: true, startMs: NOW - HOUR, endMs: NOW + HOUR })
					.filter((r) => r.isOpen)
					.map((r) => r.recordId),
			);
			const expected = {
				absent: (r: RawRecord) => !('duration' in r),
				null: (r: RawRecord) => r.duration === null,
				empty: (r: RawRecord) => r.duration === '',
				elapsed: (r: RawRecord) => durationSeconds(r.duration) > 0,
			};
			try {
				for (const shape of ['absent', 'null', 'empty', 'elapsed'] as const) {
					// Over the control API, as a separate n8n process sets it.
					const set = await fetch(`${url}/__control/open-state`, {
						method: 'POST',
						body: JSON.stringify({ openState: shape }),
					});
					expect(await set.json()).toEqual({ openState: shape });
					expect(fake.openState).toBe(shape);
					const page = await client.getJson<CxonePage>(historyPath(q));
					const current = page.agentStateHistory.filter((r) => open.has(recordId(r)));
					expect(current).toHaveLength(fake.agents.length);
					expect(current.every(expected[shape])).toBe(true);
					const ended = page.agentStateHistory.filter((r) => !open.has(recordId(r)));
					expect(ended.length).toBeGreaterThan(0);
					expect(ended.every((r) => durationSeconds(r.duration) >= 0)).toBe(true);
				}
				const bad = await fetch(`${url}/__control/open-state`, {
					method: 'POST',
					body: JSON.stringify({ openState: 'sometimes' }),
				});
				expect(bad.status).toBe(400);
				expect(() => createFakeCxone({ openState: 'later' as never })).toThrow(/openState/);
			} finally {
				fake.setOpenState('elapsed');
			}
		});

		it('straddles window edges: the state running at the window start is returned', async () => {
			const edge = WED + 10 * HOUR + 123;
			const canonical = fake.canonicalRecordsFor({ all: true, startMs: edge, endMs: NOW });
			const straddling = canonical.filter((r) => r.startMs < edge);
			expect(straddling).toHaveLength(fake.agents.length);
		});

		it('is deterministic: two servers with the same seed serve identical pages', async () => {
			const twin = createFakeCxone({ seed: 42 });
			const other = createFakeCxone({ seed: 7 });
			await twin.start();
			await other.start();
			try {
				const path = historyPath({ ...window, skip: 150, top: 80 });
				const mine = await client.getJson<CxonePage>(path);
				const c2 = new Client(twin);
				await c2.login();
				const theirs = await c2.getJson<CxonePage>(path);
				expect(theirs.agentStateHistory).toEqual(mine.agentStateHistory);
				expect(theirs.totalRecords).toBe(mine.totalRecords);
				const c3 = new Client(other);
				await c3.login();
				const different = await c3.getJson<CxonePage>(path);
				expect(different.agentStateHistory).not.toEqual(mine.agentStateHistory);
			} finally {
				await twin.stop();
				await other.stop();
			}
		});

		it('makes new records appear as the clock advances', async () => {
			const query = { all: true, startMs: NOW - HOUR, endMs: NOW + 3 * HOUR };
			const before = fake.canonicalRecordsFor(query);
			fake.advance(2 * HOUR);
			const after = fake.canonicalRecordsFor(query);
			expect(after.length).toBeGreaterThan(before.length);
			const afterIds = new Set(after.map((r) => r.recordId));
			expect(before.every((r) => afterIds.has(r.recordId))).toBe(true);
			await client.login(); // the old token expired on the server clock (TTL 1 h)
			const page = await client.getJson<CxonePage>(
				historyPath({ startDate: iso(query.startMs), endDate: iso(query.endMs), top: 10000 }),
			);
			expect(page.totalRecords).toBe(after.length);
			expect(page.lastPollTime).toBe(iso(NOW + 2 * HOUR));
		});
	});

	describe('agents', () => {
		it('pages the agent list and can forbid it', async () => {
			const first = await client.getJson<Json>(`${V}/agents?top=4`);
			expect(first.totalRecords).toBe(10);
			expect((first.agents as Json[])[0]).toMatchObject({
				agentId: AGENT,
				teamId: 205970,
				isActive: true,
			});
			expect((first._links as Json).next).toBe(`${url}${V}/agents?top=4&skip=4`);
			const last = await client.getJson<Json>(`${V}/agents?top=4&skip=8`);
			expect((last.agents as Json[]).map((a) => a.agentId)).toEqual([AGENT + 8, AGENT + 9]);
			expect((last._links as Json).next).toBeNull();

			const forbidden = createFakeCxone({ agentsForbidden: true });
			await forbidden.start();
			try {
				const c = new Client(forbidden);
				await c.login();
				expect((await c.get(`${V}/agents`)).status).toBe(403);
			} finally {
				await forbidden.stop();
			}
		});
	});

	describe('faults', () => {
		const path = historyPath({ startDate: iso(MON), endDate: iso(WED), top: 100 }, AGENT);

		it('rateLimit: 429 with Retry-After, then normal', async () => {
			fake.setFaults({ rateLimit: { retryAfter: '2' } });
			const limited = await client.get(path);
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('2');
			expect(await limited.json()).toEqual({ message: 'Too many requests' });
			expect((await client.get(path)).status).toBe(200);
		});

		it('serverError: JSON 500 and an HTML gateway 503', async () => {
			fake.setFaults({ serverError: { status: 503 } });
			const res = await client.get(path);
			expect(res.status).toBe(503);
			expect(await res.text()).toContain('Service Unavailable');
			fake.setFaults({ serverError: {} });
			expect((await client.get(path)).status).toBe(500);
			expect((await client.get(path)).status).toBe(200);
		});

		it('reset: the connection drops mid-body', async () => {
			fake.setFaults({ reset: {} });
			await expect(client.get(path).then(async (r) => await r.text())).rejects.toThrow();
			expect((await client.get(path)).status).toBe(200);
			expect(fake.log.map((e) => e.status)).toEqual([0, 200]);
		});

		it('truncate: a 200 whose JSON is cut off', async () => {
			fake.setFaults({ truncate: {} });
			const res = await client.get(path);
			expect(res.status).toBe(200);
			const text = await res.text();
			expect(() => JSON.parse(text)).toThrow();
			expect((await client.get(path)).status).toBe(200);
		});

		it('slow: the response is delayed but complete', async () => {
			fake.setFaults({ slow: { delayMs: 30 } });
			expect((await client.get(path)).status).toBe(200);
			expect(fake.log[0].faults).toEqual(['slow']);
		});

		it('noContentAtPage: 204 at the chosen page', async () => {
			fake.setFaults({ noContentAtPage: { page: 1 } });
			const small = historyPath({ startDate: iso(MON), endDate: iso(WED), top: 10 }, AGENT);
			const { pages } = await client.followNext(small);
			expect(pages).toHaveLength(1);
			expect(fake.log.map((e) => e.status)).toEqual([200, 204]);
		});

		it('repeatNextLink: next points at the page just served', async () => {
			fake.setFaults({ repeatNextLink: {} });
			const page = await client.getJson<CxonePage>(path);
			expect(page._links.next).toBe(page._links.self);
			const again = await client.getJson<CxonePage>(page._links.next as string);
			expect(again._links.next).not.toBe(again._links.self);
		});

		it('duplicateEdge: pages overlap by one record, nothing is lost', async () => {
			fake.setFaults({ duplicateEdge: { count: -1 } });
			const small = historyPath({ startDate: iso(MON), endDate: iso(WED), top: 10 }, AGENT);
			const { records, pages } = await client.followNext(small);
			expect(recordId(pages[1].agentStateHistory[0])).toBe(
				recordId(pages[0].agentStateHistory[pages[0].agentStateHistory.length - 1]),
			);
			const truth = fake.canonicalRecordsFor({ agentId: AGENT, startMs: MON, endMs: WED });
			expect(new Set(records.map(recordId))).toEqual(new Set(truth.map((r) => r.recordId)));
			expect(records.length).toBe(truth.length + pages.length - 1);
		});

		it('totalRecordsDrift: totalRecords grows by one per page', async () => {
			fake.setFaults({ totalRecordsDrift: { count: 2 } });
			const truth = fake.countRecords({ agentId: AGENT, startMs: MON, endMs: WED });
			const small = historyPath({ startDate: iso(MON), endDate: iso(WED), top: 10 }, AGENT);
			const { pages } = await client.followNext(small);
			expect(pages.slice(0, 3).map((p) => p.totalRecords)).toEqual([truth + 1, truth + 2, truth]);
		});

		it('expireTokenAfterRequests: the token dies after n requests', async () => {
			fake.setFaults({ expireTokenAfterRequests: { n: 2 } });
			expect((await client.get(path)).status).toBe(200);
			expect((await client.get(path)).status).toBe(200);
			expect((await client.get(path)).status).toBe(401);
			await client.login();
			expect((await client.get(path)).status).toBe(200);
		});

		it('tokenError: the token endpoint fails once with the chosen error', async () => {
			fake.setFaults({ tokenError: { error: 'invalid_grant' } });
			const res = await client.tokenRequest();
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
			fake.setFaults({ tokenError: { error: 'invalid_client' } });
			expect((await client.tokenRequest()).status).toBe(401);
			expect((await client.tokenRequest()).status).toBe(200);
		});

		it('path filters move a fault onto other routes; API faults spare the token endpoint', async () => {
			fake.setFaults({ rateLimit: { count: 1 } });
			expect((await client.tokenRequest()).status).toBe(200);
			fake.clearFaults();
			fake.setFaults({ rateLimit: { path: '/auth/token' } });
			expect((await client.tokenRequest()).status).toBe(429);
			expect(() => fake.setFaults({ nope: {} } as never)).toThrow(/Unknown fault/);
		});
	});

	describe('control API', () => {
		it('mirrors the runtime controls over HTTP', async () => {
			const post = async (p: string, body?: unknown) =>
				await fetch(`${url}/__control/${p}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
			expect((await post('faults', { serverError: { status: 502 } })).status).toBe(200);
			expect((await client.get(`${V}/server-time`)).status).toBe(502);
			expect((await post('faults', { bogus: {} })).status).toBe(400);
			await post('clear-faults');
			const log = (await (await fetch(`${url}/__control/log`)).json()) as Json[];
			expect(log.map((e) => e.status)).toEqual([502]);
			await post('reset-log');
			expect(fake.log).toHaveLength(0);

			const count = (await (
				await fetch(
					`${url}/__control/count?agentId=${AGENT}&startMs=${MON}&endMs=${WED}&flavor=cxone`,
				)
			).json()) as Json;
			expect(count.count).toBe(fake.countRecords({ agentId: AGENT, startMs: MON, endMs: WED }));

			const moved = (await (await post('now', { advanceMs: 60000 })).json()) as Json;
			expect(moved.nowMs).toBe(NOW + 60000);
			await post('now', { nowMs: NOW });
			expect(fake.nowMs).toBe(NOW);

			await post('revoke-tokens');
			expect((await client.get(`${V}/server-time`)).status).toBe(401);
			await client.login();
		});
	});

	describe('Reporting API v2', () => {
		const params = {
			user_id: AGENT,
			start_date_time: iso(MON),
			end_date_time: iso(WED),
			timezone: 'America/New_York',
			page_size: 30,
		};

		it('pages with next_page_token and renders zone offsets', async () => {
			const pages = await client.v2Pages(params);
			const records = pages.flatMap((p) => p.records);
			const truth = fake.canonicalRecordsFor({ agentId: AGENT, startMs: MON, endMs: WED });
			expect(records).toHaveLength(
				fake.countRecords({ agentId: AGENT, startMs: MON, endMs: WED, flavor: 'reportingV2' }),
			);
			expect(records.map((r) => `${r.user_id}:${r.session_id}:${r.state_index}`)).toEqual(
				truth.map((r) => r.recordId),
			);
			expect(pages[pages.length - 1].next_page_token).toBe('');
			expect(records[0].start_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/);
			expect(Date.parse(records[0].start_time)).toBe(truth[0].startMs);
			for (const [i, r] of records.entries()) {
				expect(r.duration).toBeCloseTo(truth[i].durationMs / 1000, 3);
				expect(r.state_id).toBe(truth[i].v2StateId);
			}
			const ids = new Map(
				truth.map((r, i) => [r.stateName + (r.reason ?? ''), records[i].state_id]),
			);
			expect(ids.get('LoggedOut')).toBe(1);
			expect(ids.get('Available')).toBe(2);
			expect(ids.get('InboundContact')).toBe(3);
			expect(ids.get('UnavailableBreak')).toBe(4);
			expect(ids.get('UnavailableLunch')).toBe(4);
			expect(ids.get('UnavailableACW')).toBe(6);
			expect(
				fake.recordsFor({
					agentId: AGENT,
					startMs: MON,
					endMs: WED,
					flavor: 'reportingV2',
					timezone: 'America/New_York',
				}),
			).toEqual(records);
		});

		it('marks the open state with end_time null', async () => {
			const pages = await client.v2Pages({
				...params,
				start_date_time: iso(NOW - HOUR),
				end_date_time: iso(NOW + HOUR),
				timezone: 'UTC',
			});
			const records = pages.flatMap((p) => p.records);
			const open = records.filter((r) => r.end_time === null);
			expect(open).toHaveLength(1);
			expect(open[0].start_time).toMatch(/\+00:00$/);
			expect(Date.parse(open[0].start_time) + open[0].duration * 1000).toBeCloseTo(NOW, 0);
		});

		it('puts the token under pagination when configured, and validates input', async () => {
			const other = createFakeCxone({ v2TokenLocation: 'pagination' });
			await other.start();
			try {
				const c = new Client(other);
				await c.login();
				const pages = await c.v2Pages(params);
				expect(pages.length).toBeGreaterThan(1);
				expect(pages[0].next_page_token).toBeUndefined();
				expect(typeof pages[0].pagination?.next_page_token).toBe('string');
				expect(pages[pages.length - 1].pagination?.next_page_token).toBeUndefined();
				expect(pages.flatMap((p) => p.records)).toHaveLength(
					other.countRecords({ agentId: AGENT, startMs: MON, endMs: WED }),
				);
			} finally {
				await other.stop();
			}
			const missing = await client.get(
				`/reporting/v2/agents/states/history?start_date_time=${iso(MON)}`,
			);
			expect(missing.status).toBe(400);
			expect(await missing.json()).toEqual({ message: 'user_id is required' });
			const badZone = await client.get(
				`/reporting/v2/agents/states/history?user_id=${AGENT}&start_date_time=${iso(MON)}&end_date_time=${iso(WED)}&timezone=Mars/Base`,
			);
			expect(badZone.status).toBe(400);
		});
	});
});
