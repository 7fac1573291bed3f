// What several CXone operations share: Return All / Limit, the request options and how they are
// read. Only this node uses them; blocks the other nodes show too live in nodes/shared/.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCredentialSettings, requireDirectory } from '../../shared/flavors';
import type { ListQuery } from '../../shared/resources/listResource';
import { listRecords } from '../../shared/resources/listRecords';
import { readRequestOptions } from '../../shared/parameters/requestOptions';
import type { RequestSettings } from '../../shared/parameters/requestOptions';
import { wholeNumber } from '../../shared/parameters/numbers';

/** An operation's execute: the items of input item `i`. */
export type Execute = (
	this: IExecuteFunctions,
	i: number,
	apiVersion: string,
) => Promise<IDataObject[]>;

/** Return All and Limit for one resource's Get Many. */
function returnAllProperties(resource: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['getMany'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** undefined = all; else the Limit parameter, checked. */
export function readLimit(this: IExecuteFunctions, i: number): number | undefined {
	if (this.getNodeParameter('returnAll', i, false) === true) return undefined;
	return wholeNumber(this.getNodeParameter('limit', i, 50), 'limit', 'Limit', 1, 1e9);
}

/** The request options of the Options collection (the same knobs and limits as the other nodes). */
export function readRequestSettings(this: IExecuteFunctions, i: number): RequestSettings {
	return readRequestOptions(this.getNodeParameter('options', i, {}) as IDataObject);
}

/** The credential's API version; the CXone node needs a flavor with CXone's directory. */
export async function cxoneApiVersion(this: IExecuteFunctions): Promise<string> {
	const settings = await readCredentialSettings.call(this);
	requireDirectory(
		settings.flavor,
		"The CXone node's agents, teams, unavailable codes, states and performance",
	);
	return settings.apiVersion;
}

/** A text parameter, trimmed; undefined when empty. */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/**
 * Return All, Limit and Active Only for one resource's Get Many (Active Only on by default: what a
 * supervisor lists day to day); `activeOnly` describes it.
 */
export function getManyProperties(resource: string, activeOnly: string): INodeProperties[] {
	return [
		...returnAllProperties(resource),
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description: activeOnly,
			displayOptions: { show: { resource: [resource], operation: ['getMany'] } },
		},
	];
}

export function readActiveOnly(this: IExecuteFunctions, i: number): boolean {
	return this.getNodeParameter('activeOnly', i, true) === true;
}

export interface GetMany<T> {
	query: ListQuery<T>;
	activeOnly: boolean;
	/** A filter CXone was asked to apply too: kept here in case the API ignores it. */
	keep?: (record: T) => boolean;
	item: (record: T) => object;
}

/**
 * A Get Many: every page, validated; inactive records dropped when asked (also if the API ignored
 * the filter), then Return All or Limit.
 */
export async function getMany<T extends { isActive: boolean | null }>(
	ctx: IExecuteFunctions,
	i: number,
	q: GetMany<T>,
): Promise<IDataObject[]> {
	const limit = readLimit.call(ctx, i);
	const { transport } = readRequestSettings.call(ctx, i);
	const { records } = await listRecords(ctx, q.query, transport);
	const kept = records.filter(
		(r) => (!q.activeOnly || r.isActive !== false) && (q.keep === undefined || q.keep(r)),
	);
	return (limit === undefined ? kept : kept.slice(0, limit)).map((r) => q.item(r) as IDataObject);
}

/**
 * The agents an operation was asked for (none = all): the one whose own route answers (undefined
 * for several or all), and whether a record's agent is among them, in case CXone sends more.
 */
export function pickedAgents(ids: readonly string[]): {
	one: string | undefined;
	has: (agentId: string) => boolean;
} {
	const wanted = new Set(ids);
	return {
		one: ids.length === 1 ? ids[0] : undefined,
		has: (agentId) => wanted.size === 0 || wanted.has(agentId),
	};
}
