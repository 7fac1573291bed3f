/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test harness: reads the icon files */
import { readFileSync } from 'fs';
import nock from 'nock';
import type { INode, INodeProperties } from 'n8n-workflow';
import { join } from 'path';

import { CxoneOAuth2Api } from '../../../../credentials/CxoneOAuth2Api.credentials';
import { cxoneAuthenticate } from '../../../../nodes/shared/auth/authenticate';
import { buildForceRefreshCredentials } from '../../../../nodes/shared/auth/forceRefresh';
import * as auth from '../../../../nodes/shared/auth';
import { readAuthSettings } from '../../../../nodes/shared/auth/settings';
import { discoveryFingerprint } from '../../../../nodes/shared/auth/storedDiscovery';
import { ACCESS_TOKEN, API_BASE, ISSUER, accessKeyData, preAuthContext } from './fixtures';

const credential = new CxoneOAuth2Api();

function property(name: string): INodeProperties {
	const found = credential.properties.find((p) => p.name === name);
	if (found === undefined) throw new Error(`no property ${name}`);
	return found;
}

describe('CxoneOAuth2Api credential', () => {
	it('has the agreed identity', () => {
		expect(credential.name).toBe('cxoneOAuth2Api');
		expect(credential.displayName).toBe('NICE CXone OAuth2 API');
		expect(credential.documentationUrl).toBe(
			'https://github.com/n8n-nodes-cxone/n8n-nodes-cxone#credentials',
		);
		expect(credential.icon).toEqual({ light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' });
		// The node's testedBy function is the real check; a declarative test gives false positives.
		expect('test' in credential).toBe(false);
		expect(credential.authenticate).toBe(cxoneAuthenticate);
	});

	it('declares exactly the agreed fields, in order, with their defaults', () => {
		expect(credential.properties.map((p) => [p.name, p.type, p.default])).toEqual([
			['grantType', 'options', 'clientCredentials'],
			['clientId', 'string', ''],
			['clientSecret', 'string', ''],
			['clientAuth', 'options', 'basic'],
			['accessKeyId', 'string', ''],
			['accessKeySecret', 'string', ''],
			['issuerUrl', 'string', 'https://cxone.niceincontact.com'],
			['tokenUrl', 'string', ''],
			['apiBaseUrl', 'string', ''],
			['apiFlavor', 'options', 'cxone'],
			['apiVersion', 'string', 'v27.0'],
			['accessToken', 'hidden', ''],
			['resolvedBaseUrl', 'hidden', ''],
			['resolvedTokenUrl', 'hidden', ''],
			['discoveredFor', 'hidden', ''],
		]);
	});

	it('offers the agreed options', () => {
		const values = (name: string) =>
			(property(name).options as Array<{ name: string; value: string }>).map((o) => [
				o.name,
				o.value,
			]);
		expect(values('grantType')).toEqual([
			['Client Credentials', 'clientCredentials'],
			['Access Key (Back-End Application)', 'accessKey'],
		]);
		expect(values('clientAuth')).toEqual([
			['Basic Auth Header', 'basic'],
			['In Request Body', 'body'],
		]);
		expect(values('apiFlavor')).toEqual([
			['CXone Reporting API', 'cxone'],
			['Reporting API v2 (Page Tokens)', 'reportingV2'],
		]);
	});

	it('masks secrets, marks the token expirable and shows fields only where they apply', () => {
		expect(property('clientSecret').typeOptions).toEqual({ password: true });
		expect(property('accessKeySecret').typeOptions).toEqual({ password: true });
		expect(property('accessToken').typeOptions).toEqual({ expirable: true, password: true });
		expect(property('accessKeyId').displayOptions).toEqual({ show: { grantType: ['accessKey'] } });
		expect(property('accessKeySecret').displayOptions).toEqual({
			show: { grantType: ['accessKey'] },
		});
		expect(property('apiVersion').displayOptions).toEqual({ show: { apiFlavor: ['cxone'] } });
		expect(property('grantType').description).toContain('Access Key grant is the one that works');
		expect(property('accessKeyId').description).toContain('Admin > Employees');
		expect(property('accessKeyId').description).toContain('reporting permissions');
	});

	it('ships two distinct, valid SVG icons', () => {
		const read = (file: string) =>
			readFileSync(join(__dirname, '../../../../credentials', file), 'utf8');
		const light = read('cxone.svg');
		const dark = read('cxone.dark.svg');
		for (const svg of [light, dark]) {
			expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 64 64"/);
			expect(svg.trim().endsWith('</svg>')).toBe(true);
		}
		expect(light).not.toBe(dark);
	});

	describe('preAuthentication', () => {
		beforeAll(() => nock.disableNetConnect());
		afterEach(() => nock.cleanAll());
		afterAll(() => {
			nock.enableNetConnect();
			nock.restore();
		});

		it('returns exactly the hidden fields n8n persists', async () => {
			nock(ISSUER).post('/auth/token').reply(200, { access_token: ACCESS_TOKEN });
			const data = accessKeyData({ tokenUrl: `${ISSUER}/auth/token`, apiBaseUrl: API_BASE });
			const result = await credential.preAuthentication.call(preAuthContext(), data);
			expect(result).toEqual({
				accessToken: ACCESS_TOKEN,
				resolvedBaseUrl: API_BASE,
				resolvedTokenUrl: `${ISSUER}/auth/token`,
				discoveredFor: discoveryFingerprint(readAuthSettings(data)),
			});
			expect(Object.keys(result!).sort()).toEqual(
				credential.properties
					.filter((p) => p.type === 'hidden')
					.map((p) => p.name)
					.sort(),
			);
		});
	});
});

describe('buildForceRefreshCredentials', () => {
	const node = {
		credentials: { cxoneOAuth2Api: { id: 'cred-1', name: 'CXone prod' } },
	} as unknown as INode;

	it('empties the expirable token and keeps everything else', () => {
		const data = accessKeyData({ accessToken: 'stale', resolvedBaseUrl: API_BASE });
		const result = buildForceRefreshCredentials(node, data);
		expect(result).toEqual({
			id: 'cred-1',
			name: 'CXone prod',
			type: 'cxoneOAuth2Api',
			data: { ...data, accessToken: '' },
		});
		expect(data.accessToken).toBe('stale');
	});

	it('works for a node without credential details', () => {
		const result = buildForceRefreshCredentials({} as INode, { accessToken: 'x' });
		expect(result).toEqual({ id: '', name: '', type: 'cxoneOAuth2Api', data: { accessToken: '' } });
	});
});

describe('auth index', () => {
	it('exports what nodes and the transport use', () => {
		expect(Object.keys(auth).sort()).toEqual([
			'CXONE_CREDENTIAL_TYPE',
			'DEFAULT_API_VERSION',
			'DEFAULT_ISSUER_URL',
			'buildForceRefreshCredentials',
			'cxoneAuthenticate',
			'cxoneOAuth2ApiTest',
			'cxonePreAuthentication',
			'testCxoneConnection',
		]);
		expect(auth.CXONE_CREDENTIAL_TYPE).toBe(credential.name);
	});
});
