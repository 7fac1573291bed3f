// A plain HTTP client of the fake CXone for the tests that check what it serves: a token by the
// access-key grant, then bearer GETs that ask for JSON.
import type { FakeCxone } from '../fake-cxone';

export class FakeClient {
	token = '';

	constructor(protected readonly fake: FakeCxone) {}

	get url(): string {
		return this.fake.url as string;
	}

	async login(): Promise<void> {
		const c = this.fake.credentials;
		const res = await fetch(`${this.url}/auth/token`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
			},
			body: new URLSearchParams({
				grant_type: 'password',
				username: c.accessKeyId,
				password: c.accessKeySecret,
			}).toString(),
		});
		expect(res.status).toBe(200);
		this.token = ((await res.json()) as { access_token: string }).access_token;
	}

	/** A path under the fake's URL, or a whole URL (a `_links.next`). */
	async get(pathOrUrl: string): Promise<Response> {
		const target = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.url}${pathOrUrl}`;
		return await fetch(target, {
			headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
		});
	}

	async getJson<T = Record<string, unknown>>(pathOrUrl: string): Promise<T> {
		const res = await this.get(pathOrUrl);
		expect(res.status).toBe(200);
		return (await res.json()) as T;
	}
}
