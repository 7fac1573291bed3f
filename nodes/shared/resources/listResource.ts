// A CXone list the nodes read (agents, teams, unavailable codes, current states, performance): what
// one record is, the key of its list and the validator built from its field table, and the query of
// one of its endpoints. `listRecords.ts` reads any of them.

import type { IDataObject } from 'n8n-workflow';

import type { PageFormat } from '../api';
import { cxoneList } from '../api';
import type { FieldTable, RecordOf } from '../records/fields';
import type { RecordValidator } from '../records/validate';
import { validator } from '../records/validate';

export interface ListResource<T> {
	/** What one record is, for error messages: "agent", "team". */
	readonly what: string;
	/** The key of the answer's record list. */
	readonly listKey: string;
	/** Built from the field table; reads field names in any casing (older PascalCase APIs). */
	readonly records: RecordValidator<T>;
}

/** The validated record of a resource. */
export type ResourceRecord<R> = R extends ListResource<infer T> ? T : never;

export function listResource<const F extends FieldTable>(
	what: string,
	listKey: string,
	fields: F,
): ListResource<RecordOf<F>> {
	return { what, listKey, records: validator(fields, true) };
}

export interface ListQuery<T> {
	resource: ListResource<T>;
	path: string;
	qs: IDataObject;
	format: PageFormat;
}

/** One endpoint of `resource`: `paging` 'single' when it answers with the whole list at once. */
export function listQuery<T>(
	resource: ListResource<T>,
	path: string,
	qs: IDataObject = {},
	paging: 'offset' | 'single' = 'offset',
): ListQuery<T> {
	return { resource, path, qs, format: cxoneList(resource.listKey, paging) };
}
