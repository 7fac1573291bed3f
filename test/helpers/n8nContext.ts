// n8n contexts for tests. `helpers.httpRequestWithAuthentication` is n8n-core 2.8.1's REAL
// function (axios underneath, so nock or a local server sees real traffic); only the credentials
// helper (in n8n's cli package, not installed) is emulated (docs/credential-and-refresh.md):
// preAuthentication runs when the expirable field is '' or after a 401 (credentialsExpired), and
// its output is persisted to the stored credential; authenticate is the credential type's own.

import { constructExecutionMetaData } from 'n8n-core/dist/execution-engine/node-execution-context/utils/construct-execution-metadata';
import { getRequestHelperFunctions } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { returnJsonArray } from 'n8n-core/dist/execution-engine/node-execution-context/utils/return-json-array';
import type {
	IAdditionalCredentialOptions,
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ApplicationError, deepCopy, NodeOperationError } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'cxoneOAuth2Api';
export const DEFAULT_BASE_URL = 'https://api-test.cxone.invalid';

/** The parts of a credential type the harness uses; a real `new CxoneOAuth2Api()` fits. */
export type HarnessCredentialType = Partial<
	Pick<ICredentialType, 'name' | 'properties' | 'preAuthentication' | 'authenticate'>
>;

export type Params = Record<string, unknown>;

export interface ContextOptions {
	/** Node parameters (already resolved), or a function giving them per input item. */
	params?: Params | ((itemIndex: number) => Params);
	/** Input items of an execute context. Default one empty item. */
	inputItems?: INodeExecutionData[];
	/** Stored credential data (merged over the defaults); null = the node has no credential. */
	credentials?: Record<string, unknown> | null;
	/** Sets the stored `resolvedBaseUrl`. Default DEFAULT_BASE_URL. */
	baseUrl?: string;
	continueOnFail?: boolean;
	/** The workflow timezone (getTimezone). Default 'UTC'. */
	timezone?: string;
	/** Default: a fake type whose preAuthentication issues `issueToken(n)` without HTTP. */
	credentialType?: HarnessCredentialType;
	/** Tokens of the default fake credential type. Default `test-access-token-<n>`. */
	issueToken?: (n: number) => string;
	/** Overrides of the node object (name, type, parameters…). */
	node?: Partial<INode>;
	mode?: WorkflowExecuteMode;
	/** Initial workflow static data, keyed 'node' / 'global'. */
	staticData?: Record<string, IDataObject>;
}

export interface AuthCall {
	credentialsType: string;
	url: string;
	qs?: IDataObject;
	/** Deep copy of the third argument as the caller passed it. */
	additionalCredentialOptions?: IAdditionalCredentialOptions;
}

export interface HarnessState {
	/** The stored credential; preAuthentication output is written back here (like n8n's DB). */
	credentials: IDataObject | null;
	node: INode;
	/** Tokens issued by the default fake credential type, in order. */
	tokensIssued: string[];
	/** Every credentialsHelper.preAuthentication call: expired flag and whether it ran. */
	preAuthentications: Array<{ expired: boolean; ran: boolean }>;
	/** Every helpers.httpRequestWithAuthentication call. */
	authCalls: AuthCall[];
	logs: Array<{ level: string; message: string; meta?: unknown }>;
	/** Items a poll context emitted with __emit. */
	emitted: INodeExecutionData[][][];
	emittedErrors: Error[];
	staticData: Record<string, IDataObject>;
	/** Aborts the execution's cancel signal (n8n-core passes it to axios). */
	abort(): void;
}

export type HarnessContext<T> = T & { harness: HarnessState };

function getPath(source: Params, path: string): unknown {
	let cur: unknown = source;
	for (const part of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

/** Applies `={{$credentials.x}}`-style templates of a generic authenticate. */
function resolveTemplate(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value
		.slice(1)
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) =>
			String(credentials[key] ?? ''),
		);
}

async function applyAuthenticate(
	authenticate: IAuthenticate | undefined,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (authenticate === undefined) return options;
	if (typeof authenticate === 'function') return await authenticate(credentials, options);
	const props = authenticate.properties as Record<string, IDataObject | undefined>;
	for (const where of ['headers', 'qs', 'body'] as const) {
		const add = props[where];
		if (!add) continue;
		const target = { ...((options[where] as IDataObject | undefined) ?? {}) };
		for (const [k, v] of Object.entries(add)) target[k] = resolveTemplate(v, credentials) as string;
		(options as unknown as Record<string, unknown>)[where] = target;
	}
	return options;
}

function defaultCredentialType(state: HarnessState, issueToken: (n: number) => string) {
	const type: HarnessCredentialType = {
		name: CREDENTIAL_TYPE,
		properties: [
			{
				displayName: 'Access Token',
				name: 'accessToken',
				type: 'hidden',
				default: '',
				typeOptions: { expirable: true, password: true },
			},
		],
		async preAuthentication() {
			const token = issueToken(state.tokensIssued.length + 1);
			state.tokensIssued.push(token);
			return { accessToken: token };
		},
		// The function form the credential uses: Bearer + JSON, and the stored base URL for relative paths.
		async authenticate(credentials, requestOptions) {
			requestOptions.headers = {
				...(requestOptions.headers ?? {}),
				Authorization: `Bearer ${String(credentials.accessToken)}`,
				Accept: 'application/json',
			};
			if (!requestOptions.baseURL && !/^https?:/i.test(requestOptions.url)) {
				requestOptions.baseURL = String(credentials.resolvedBaseUrl ?? '');
			}
			return requestOptions;
		},
	};
	return type;
}

interface Core {
	state: HarnessState;
	node: INode;
	base: Record<string, unknown>;
	paramsFor(itemIndex: number): Params;
}

function createCore(opts: ContextOptions, defaultMode: WorkflowExecuteMode): Core {
	const controller = new AbortController();
	const node: INode = {
		id: 'node-1',
		name: 'CXone',
		type: 'CUSTOM.cxoneAgentStateHistory',
		typeVersion: 1,
		position: [0, 0],
		parameters: (typeof opts.params === 'object' ? opts.params : {}) as INode['parameters'],
		credentials:
			opts.credentials === null
				? undefined
				: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'CXone account' } },
		...opts.node,
	};
	const state: HarnessState = {
		credentials:
			opts.credentials === null
				? null
				: {
						grantType: 'accessKey',
						clientId: 'test-client-id',
						clientSecret: 'test-client-secret',
						clientAuth: 'basic',
						accessKeyId: 'test-access-key-id',
						accessKeySecret: 'test-access-key-secret',
						issuerUrl: 'https://cxone.niceincontact.com',
						tokenUrl: '',
						apiBaseUrl: '',
						apiFlavor: 'cxone',
						apiVersion: 'v27.0',
						accessToken: '',
						resolvedBaseUrl: opts.baseUrl ?? DEFAULT_BASE_URL,
						...(opts.credentials as IDataObject | undefined),
					},
		node,
		tokensIssued: [],
		preAuthentications: [],
		authCalls: [],
		logs: [],
		emitted: [],
		emittedErrors: [],
		staticData: deepCopy(opts.staticData ?? {}),
		abort: () => controller.abort(),
	};
	const issueToken = opts.issueToken ?? ((n: number) => `test-access-token-${n}`);
	const type = opts.credentialType ?? defaultCredentialType(state, issueToken);
	const expirable = (type.properties ?? []).find(
		(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
	)?.name;

	const credentialsHelper = {
		getParentTypes: () => [] as string[],
		async preAuthentication(
			helpers: IHttpRequestHelper,
			credentials: ICredentialDataDecryptedObject,
			_typeName: string,
			forNode: INode,
			credentialsExpired: boolean,
		) {
			const run =
				expirable !== undefined &&
				type.preAuthentication !== undefined &&
				(credentials[expirable] === '' || credentialsExpired);
			state.preAuthentications.push({ expired: credentialsExpired, ran: run });
			if (!run || expirable === undefined || type.preAuthentication === undefined) return undefined;
			const output = await type.preAuthentication.call(helpers, credentials);
			if (output[expirable] === undefined) return undefined;
			if (!forNode.credentials) return undefined;
			// n8n saves the whole resolved credential object (docs/credential-and-refresh.md).
			state.credentials = deepCopy({ ...credentials, ...output }) as IDataObject;
			return Object.assign(credentials, output);
		},
		async authenticate(
			credentials: ICredentialDataDecryptedObject,
			_typeName: string,
			requestOptions: IHttpRequestOptions,
		) {
			return await applyAuthenticate(type.authenticate, credentials, requestOptions);
		},
	};
	const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
	const requestHelpers = getRequestHelperFunctions({} as Workflow, node, additionalData);
	const realWithAuth = requestHelpers.httpRequestWithAuthentication;

	async function httpRequestWithAuthentication(
		this: unknown,
		credentialsType: string,
		requestOptions: IHttpRequestOptions,
		additionalCredentialOptions?: IAdditionalCredentialOptions,
	) {
		state.authCalls.push({
			credentialsType,
			url: requestOptions.url,
			qs: requestOptions.qs ? deepCopy(requestOptions.qs) : undefined,
			additionalCredentialOptions: additionalCredentialOptions
				? deepCopy(additionalCredentialOptions)
				: undefined,
		});
		return await (realWithAuth as (...a: unknown[]) => Promise<unknown>).call(
			this,
			credentialsType,
			requestOptions,
			additionalCredentialOptions,
		);
	}

	const log =
		(level: string) =>
		(message: string, meta?: unknown): void => {
			state.logs.push({ level, message, meta });
		};

	const base: Record<string, unknown> = {
		harness: state,
		getNode: () => node,
		async getCredentials(credentialsType: string) {
			if (credentialsType !== CREDENTIAL_TYPE || state.credentials === null) {
				throw new NodeOperationError(
					node,
					`Node "${node.name}" does not have any credentials of type "${credentialsType}" set`,
				);
			}
			// n8n decrypts a fresh copy on every call.
			return deepCopy(state.credentials);
		},
		continueOnFail: () => opts.continueOnFail === true,
		getTimezone: () => opts.timezone ?? 'UTC',
		getMode: () => opts.mode ?? defaultMode,
		getActivationMode: () => 'activate',
		getExecutionId: () => 'test-execution-1',
		getWorkflow: () => ({ id: 'test-workflow-1', name: 'Test workflow', active: false }),
		getWorkflowStaticData: (kind: string) => (state.staticData[kind] ??= {}),
		getExecutionCancelSignal: () => controller.signal,
		sendMessageToUI: () => undefined,
		logger: {
			error: log('error'),
			warn: log('warn'),
			info: log('info'),
			debug: log('debug'),
		},
		helpers: {
			...requestHelpers,
			httpRequestWithAuthentication,
			returnJsonArray,
			constructExecutionMetaData,
		},
	};

	const paramsFor = (itemIndex: number): Params =>
		typeof opts.params === 'function' ? opts.params(itemIndex) : (opts.params ?? {});

	return { state, node, base, paramsFor };
}

function readParameter(
	params: Params,
	name: string,
	fallbackValue: unknown,
	options: IGetNodeParameterOptions | undefined,
): unknown {
	let value = getPath(params, name);
	if (value === undefined) {
		if (fallbackValue !== undefined) return fallbackValue;
		throw new ApplicationError(`Could not get parameter "${name}"`);
	}
	if (
		options?.extractValue &&
		value !== null &&
		typeof value === 'object' &&
		(value as IDataObject).__rl === true
	) {
		value = (value as IDataObject).value;
	}
	return deepCopy(value as IDataObject);
}

/** An IExecuteFunctions running the real n8n-core request helpers. */
export function createExecuteContext(opts: ContextOptions = {}): HarnessContext<IExecuteFunctions> {
	const { base, paramsFor } = createCore(opts, 'manual');
	const inputItems = opts.inputItems ?? [{ json: {} }];
	const ctx = {
		...base,
		getInputData: () => inputItems,
		getNodeParameter(
			name: string,
			itemIndex: number,
			fallbackValue?: unknown,
			options?: IGetNodeParameterOptions,
		) {
			return readParameter(paramsFor(itemIndex), name, fallbackValue, options);
		},
	};
	return ctx as unknown as HarnessContext<IExecuteFunctions>;
}

/** An IPollFunctions (trigger) running the real n8n-core request helpers; params of item 0. */
export function createPollContext(opts: ContextOptions = {}): HarnessContext<IPollFunctions> {
	const { base, paramsFor, state } = createCore(opts, 'trigger');
	const ctx = {
		...base,
		getNodeParameter(name: string, fallbackValue?: unknown, options?: IGetNodeParameterOptions) {
			return readParameter(paramsFor(0), name, fallbackValue, options);
		},
		__emit: (data: INodeExecutionData[][]) => {
			state.emitted.push(data);
		},
		__emitError: (error: Error) => {
			state.emittedErrors.push(error);
		},
	};
	return ctx as unknown as HarnessContext<IPollFunctions>;
}

/** An ILoadOptionsFunctions (option lists, resource locators); params of item 0. */
export function createLoadOptionsContext(
	opts: ContextOptions = {},
): HarnessContext<ILoadOptionsFunctions> {
	const { base, paramsFor } = createCore(opts, 'manual');
	const ctx = {
		...base,
		getNodeParameter(name: string, fallbackValue?: unknown, options?: IGetNodeParameterOptions) {
			return readParameter(paramsFor(0), name, fallbackValue, options);
		},
		getCurrentNodeParameter: (name: string) => getPath(paramsFor(0), name),
		getCurrentNodeParameters: () => paramsFor(0),
	};
	return ctx as unknown as HarnessContext<ILoadOptionsFunctions>;
}
