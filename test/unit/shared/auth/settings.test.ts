import { readAuthSettings } from '../../../../nodes/shared/auth/settings';
import {
	ACCESS_KEY_ID,
	ACCESS_KEY_SECRET,
	BASIC_VALUE,
	CLIENT_ID,
	CLIENT_SECRET,
	accessKeyData,
	credentialData,
	expectNoSecrets,
} from './fixtures';

const formEncoded = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const ALL_SECRETS = [
	CLIENT_SECRET,
	ACCESS_KEY_SECRET,
	formEncoded(CLIENT_SECRET),
	formEncoded(ACCESS_KEY_SECRET),
	BASIC_VALUE,
];

function messageOf(data: Parameters<typeof readAuthSettings>[0]): string {
	try {
		readAuthSettings(data);
	} catch (error) {
		expect((error as Error).constructor).toBe(Error);
		expectNoSecrets((error as Error).message);
		return (error as Error).message;
	}
	throw new Error('expected a validation error');
}

describe('readAuthSettings', () => {
	it('normalizes a complete access-key credential', () => {
		expect(
			readAuthSettings(
				accessKeyData({
					clientAuth: 'body',
					issuerUrl: 'https://CXone.NiceInContact.com/',
					tokenUrl: ' https://cxone.niceincontact.com/auth/token/ ',
					apiBaseUrl: 'https://api-na1.niceincontact.com/',
					apiVersion: ' v31 ',
				}),
			),
		).toEqual({
			grantType: 'accessKey',
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			clientAuth: 'body',
			accessKeyId: ACCESS_KEY_ID,
			accessKeySecret: ACCESS_KEY_SECRET,
			issuerUrl: 'https://cxone.niceincontact.com',
			tokenUrl: 'https://cxone.niceincontact.com/auth/token',
			apiBaseUrl: 'https://api-na1.niceincontact.com',
			apiFlavor: 'cxone',
			apiVersion: 'v31',
			secrets: ALL_SECRETS,
		});
	});

	it('fills defaults for missing values and ignores access keys for client credentials', () => {
		expect(
			readAuthSettings({
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				accessKeyId: ACCESS_KEY_ID,
				accessKeySecret: ACCESS_KEY_SECRET,
				apiFlavor: 'reportingV2',
				apiVersion: 'not checked for v2',
			}),
		).toEqual({
			grantType: 'clientCredentials',
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			clientAuth: 'basic',
			accessKeyId: '',
			accessKeySecret: '',
			issuerUrl: 'https://cxone.niceincontact.com',
			tokenUrl: '',
			apiBaseUrl: '',
			apiFlavor: 'reportingV2',
			apiVersion: 'not checked for v2',
			// The access key secret is not sent with this grant, but stays private all the same.
			secrets: ALL_SECRETS,
		});
	});

	it('lists no empty secrets', () => {
		expect(readAuthSettings(credentialData()).secrets).toEqual([
			CLIENT_SECRET,
			formEncoded(CLIENT_SECRET),
			BASIC_VALUE,
		]);
	});

	it('allows http:// only for loopback hosts', () => {
		for (const host of ['localhost:8080', '127.0.0.1:3000', '127.9.8.7', '[::1]:9000']) {
			expect(readAuthSettings(credentialData({ issuerUrl: `http://${host}/` })).issuerUrl).toBe(
				`http://${host}`,
			);
		}
	});

	it.each([
		[
			'clientId',
			'  ',
			'Client ID is empty. Enter the client ID of your CXone API application registration.',
		],
		[
			'clientSecret',
			'',
			'Client Secret is empty. Enter the client secret of your CXone API application registration.',
		],
		[
			'accessKeyId',
			'\t',
			'Access Key ID is empty. Create an access key for the API user in CXone (Admin > Employees > the user > Access Keys) and enter its ID.',
		],
		[
			'accessKeySecret',
			'',
			'Access Key Secret is empty. Enter the secret shown when the access key was created (CXone shows it only once; create a new key if it is lost).',
		],
	])('requires %s', (field, value, message) => {
		expect(messageOf(accessKeyData({ [field]: value }))).toBe(message);
	});

	it('treats a non-string secret as missing', () => {
		expect(messageOf(credentialData({ clientSecret: 42 }))).toContain('Client Secret is empty');
	});

	const HTTPS_ONLY =
		'must start with https:// (http:// is allowed only for localhost, 127.x.x.x and [::1]).';

	it.each([
		[
			'issuerUrl',
			'cxone.niceincontact.com',
			'Issuer URL is not a valid URL. Enter a full URL that starts with https://.',
		],
		['issuerUrl', 'http://cxone.niceincontact.com', `Issuer URL ${HTTPS_ONLY}`],
		['issuerUrl', 'ftp://localhost', `Issuer URL ${HTTPS_ONLY}`],
		['issuerUrl', 'http://127.0.0.1.evil.com', `Issuer URL ${HTTPS_ONLY}`],
		[
			'issuerUrl',
			`https://user:${encodeURIComponent(CLIENT_SECRET)}@cxone.niceincontact.com`,
			'Issuer URL must not contain a user name or password. Remove "user:password@" from it; the credential\'s ID and secret fields carry those.',
		],
		[
			'issuerUrl',
			'https://cxone.niceincontact.com?x=1',
			'Issuer URL must not contain a query (?…) or a fragment (#…). Remove them.',
		],
		[
			'tokenUrl',
			'not a url',
			'Token URL is not a valid URL. Enter a full URL that starts with https://.',
		],
		['tokenUrl', 'http://cxone.niceincontact.com/auth/token', `Token URL ${HTTPS_ONLY}`],
		[
			'tokenUrl',
			'https://u@cxone.niceincontact.com/auth/token',
			'Token URL must not contain a user name or password.',
		],
		[
			'tokenUrl',
			'https://cxone.niceincontact.com/auth/token#frag',
			'Token URL must not contain a query (?…) or a fragment (#…).',
		],
		[
			'tokenUrl',
			'https://cxone.niceincontact.com/auth/token?',
			'Token URL must not contain a query',
		],
		['apiBaseUrl', 'api-na1.niceincontact.com', 'API Base URL is not a valid URL.'],
		['apiBaseUrl', 'http://api-na1.niceincontact.com', `API Base URL ${HTTPS_ONLY}`],
		[
			'apiBaseUrl',
			'https://a:b@api-na1.niceincontact.com',
			'API Base URL must not contain a user name or password.',
		],
		[
			'apiBaseUrl',
			'https://api-na1.niceincontact.com/?a=b',
			'API Base URL must not contain a query',
		],
		[
			'apiBaseUrl',
			'https://api-na1.niceincontact.com/inContactAPI/',
			'API Base URL must not contain a path (found "/inContactAPI/"). Enter only the scheme and host, for example https://api-na1.niceincontact.com; the node adds /inContactAPI/… itself.',
		],
	])('rejects %s = %s', (field, value, message) => {
		expect(messageOf(accessKeyData({ [field]: value }))).toContain(message);
	});

	it('does not echo an entered URL that carries credentials', () => {
		const message = messageOf(
			credentialData({ tokenUrl: `https://id:${encodeURIComponent(CLIENT_SECRET)}@x.example.com` }),
		);
		expect(message).toContain('Token URL must not contain a user name or password');
		expect(message).not.toContain('x.example.com');
	});

	it.each(['27.0', 'v27.0.1', 'V27', 'v', 'latest'])('rejects API Version %s', (version) => {
		expect(messageOf(credentialData({ apiVersion: version }))).toBe(
			`API Version "${version}" is not valid. Enter "v" followed by the version number, for example v27.0.`,
		);
	});

	it.each(['v27.0', 'v31', 'v2.0'])('accepts API Version %s', (version) => {
		expect(readAuthSettings(credentialData({ apiVersion: version })).apiVersion).toBe(version);
	});
});
