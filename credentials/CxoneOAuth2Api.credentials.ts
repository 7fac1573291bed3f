import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { cxoneAuthenticate } from '../nodes/shared/auth/authenticate';
import { DEFAULT_API_VERSION, DEFAULT_ISSUER_URL } from '../nodes/shared/auth/constants';
import { cxonePreAuthentication } from '../nodes/shared/auth/preAuthentication';

// No declarative `test`: with a stored token it never re-checks the secret. The nodes declare
// `testedBy: 'cxoneOAuth2ApiTest'`, which always runs the token request with the entered values.
export class CxoneOAuth2Api implements ICredentialType {
	name = 'cxoneOAuth2Api';

	displayName = 'NICE CXone OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-cxone/n8n-nodes-cxone#credentials';

	icon: Icon = { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description: 'Only the client ID and secret of the API application registration',
				},
				{
					name: 'Access Key (Back-End Application)',
					value: 'accessKey',
					description:
						"NICE's documented back-end flow: client ID/secret plus an API user's access key (OAuth2 password grant)",
				},
			],
			default: 'clientCredentials',
			description:
				'How to obtain the token. For NICE back-end application registrations the Access Key grant is the one that works; choose it if CXone rejects Client Credentials.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'From the API application registration in CXone (the client ID NICE issues when the registration is approved)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The client secret of the same API application registration',
		},
		{
			displayName: 'Client Authentication',
			name: 'clientAuth',
			type: 'options',
			options: [
				{
					name: 'Basic Auth Header',
					value: 'basic',
					description: 'Authorization: Basic base64(client ID:client secret)',
				},
				{
					name: 'In Request Body',
					value: 'body',
					description: 'client_id and client_secret as form fields',
				},
			],
			default: 'basic',
			description:
				'How the client ID and secret are sent to the token endpoint; the registration decides which one CXone accepts',
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { grantType: ['accessKey'] } },
			description:
				"In CXone: Admin > Employees > the API user > Access Keys. The user's role must include reporting permissions (the key inherits them).",
		},
		{
			displayName: 'Access Key Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { grantType: ['accessKey'] } },
			description:
				'Shown once when the access key is created; create a new key if it is lost. Trailing "=" characters are part of it.',
		},
		{
			displayName: 'Issuer URL',
			name: 'issuerUrl',
			type: 'string',
			default: DEFAULT_ISSUER_URL,
			description:
				'The CXone authentication issuer; the token endpoint and the API base URL are discovered from it. Use https://cxone-gov.niceincontact.com for the government cloud.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cxone.niceincontact.com/auth/token',
			description:
				"Leave empty to discover it from the issuer's OpenID configuration (Reporting API v2 with an API base URL: {base}/oauth/token)",
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api-na1.niceincontact.com',
			description:
				"Leave empty to discover it from the token's tenant. Scheme and host only, without /inContactAPI.",
		},
		{
			displayName: 'API Flavor',
			name: 'apiFlavor',
			type: 'options',
			options: [
				{
					name: 'CXone Reporting API',
					value: 'cxone',
					description: '/inContactAPI/services/{version}/agents/…/state-history',
				},
				{
					name: 'Reporting API v2 (Page Tokens)',
					value: 'reportingV2',
					description: '/reporting/v2/agents/states/history with page tokens',
				},
			],
			default: 'cxone',
			description: 'Which agent state history API this tenant serves',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			displayOptions: { show: { apiFlavor: ['cxone'] } },
			description: 'Version segment of the Reporting API paths, for example v27.0',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Resolved API Base URL',
			name: 'resolvedBaseUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Resolved Token URL',
			name: 'resolvedTokenUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Discovered For',
			name: 'discoveredFor',
			type: 'hidden',
			default: '',
		},
	];

	preAuthentication = cxonePreAuthentication;

	authenticate: IAuthenticate = cxoneAuthenticate;
}
