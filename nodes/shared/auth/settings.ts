import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiFlavor } from '../types';
import { DEFAULT_API_VERSION, DEFAULT_ISSUER_URL } from './constants';
import { checkEndpointUrl } from './endpointUrl';

export type GrantType = 'clientCredentials' | 'accessKey';
export type ClientAuth = 'basic' | 'body';

/** The credential's entered values, checked and normalized (URLs without trailing slashes). */
export interface CxoneAuthSettings {
	grantType: GrantType;
	clientId: string;
	clientSecret: string;
	clientAuth: ClientAuth;
	/** Set only for the accessKey grant. */
	accessKeyId: string;
	accessKeySecret: string;
	issuerUrl: string;
	/** '' = discover. */
	tokenUrl: string;
	/** '' = discover. */
	apiBaseUrl: string;
	apiFlavor: ApiFlavor;
	apiVersion: string;
	/** Every secret-typed value of the credential, as entered and as sent; never in messages. */
	secrets: string[];
}

const API_VERSION = /^v\d+(\.\d+)?$/;

function text(data: ICredentialDataDecryptedObject, key: string): string {
	const value = data[key];
	return typeof value === 'string' ? value.trim() : '';
}

function required(data: ICredentialDataDecryptedObject, key: string, fix: string): string {
	const value = text(data, key);
	if (value === '') throw new Error(fix);
	return value;
}

/** Reads and validates the credential data; throws a plain Error naming the field and the fix. */
export function readAuthSettings(data: ICredentialDataDecryptedObject): CxoneAuthSettings {
	const grantType: GrantType = data.grantType === 'accessKey' ? 'accessKey' : 'clientCredentials';
	const apiFlavor: ApiFlavor = data.apiFlavor === 'reportingV2' ? 'reportingV2' : 'cxone';

	const clientId = required(
		data,
		'clientId',
		'Client ID is empty. Enter the client ID of your CXone API application registration.',
	);
	const clientSecret = required(
		data,
		'clientSecret',
		'Client Secret is empty. Enter the client secret of your CXone API application registration.',
	);
	let accessKeyId = '';
	let accessKeySecret = '';
	if (grantType === 'accessKey') {
		accessKeyId = required(
			data,
			'accessKeyId',
			'Access Key ID is empty. Create an access key for the API user in CXone (Admin > Employees > the user > Access Keys) and enter its ID.',
		);
		accessKeySecret = required(
			data,
			'accessKeySecret',
			'Access Key Secret is empty. Enter the secret shown when the access key was created (CXone shows it only once; create a new key if it is lost).',
		);
	}

	const issuerUrl = checkEndpointUrl(text(data, 'issuerUrl') || DEFAULT_ISSUER_URL, 'Issuer URL');
	const tokenUrlText = text(data, 'tokenUrl');
	const tokenUrl = tokenUrlText === '' ? '' : checkEndpointUrl(tokenUrlText, 'Token URL');
	const apiBaseUrlText = text(data, 'apiBaseUrl');
	const apiBaseUrl =
		apiBaseUrlText === ''
			? ''
			: checkEndpointUrl(apiBaseUrlText, 'API Base URL', { originOnly: true });

	const apiVersion = text(data, 'apiVersion') || DEFAULT_API_VERSION;
	if (apiFlavor === 'cxone' && !API_VERSION.test(apiVersion)) {
		throw new Error(
			`API Version "${apiVersion}" is not valid. Enter "v" followed by the version number, for example v27.0.`,
		);
	}

	const clientAuth: ClientAuth = data.clientAuth === 'body' ? 'body' : 'basic';
	// Both secrets count even when the grant does not send one: a stale value is still private.
	const entered = [clientSecret, text(data, 'accessKeySecret')];
	const secrets = [
		...entered,
		...entered.map(formEncoded),
		basicCredentials({ clientId, clientSecret }),
	].filter((secret) => secret !== '');

	return {
		grantType,
		clientId,
		clientSecret,
		clientAuth,
		accessKeyId,
		accessKeySecret,
		issuerUrl,
		tokenUrl,
		apiBaseUrl,
		apiFlavor,
		apiVersion,
		secrets: [...new Set(secrets)],
	};
}

/** Every value of these settings that must never appear in a message. */
export function secretsOf(settings: CxoneAuthSettings): string[] {
	return settings.secrets;
}

/** A value as it appears in a form-URL-encoded body. */
function formEncoded(value: string): string {
	return value === '' ? '' : new URLSearchParams({ v: value }).toString().slice(2);
}

/** base64(clientId:clientSecret), the value of the Basic Authorization header. */
export function basicCredentials(
	settings: Pick<CxoneAuthSettings, 'clientId' | 'clientSecret'>,
): string {
	return Buffer.from(`${settings.clientId}:${settings.clientSecret}`, 'utf8').toString('base64');
}
