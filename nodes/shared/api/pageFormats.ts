// How the answers of one endpoint are paged and what their envelope looks like: CXone's lists
// (skip/top offsets with `_links.next`, or one answer) and Reporting API v2's page tokens. The
// API flavors (flavors/) and the resources pick a format; the pagers (paging/) read it.

import type { INode } from 'n8n-workflow';

import { apiError } from './errors';
import type { CxoneListKey, EnvelopeResult, PageEnvelope } from './schemas/page';
import { parseCxoneEnvelope, parseV2Envelope } from './schemas/page';

/** Offsets (`skip`/`top`, `_links.next`), page tokens, or the whole list in one answer. */
export type Paging = 'offset' | 'token' | 'single';

export interface PageFormat {
	/** How messages name the API. */
	readonly api: string;
	readonly paging: Paging;
	readonly parse: (body: unknown) => EnvelopeResult;
	/** What to check when an answer has another shape. */
	readonly shapeHint: string;
}

const CXONE_HINT = 'Check the API flavor and the API version in the credential.';

/** A CXone list whose records sit under `listKey`, paged with skip/top or in one answer. */
export function cxoneList(
	listKey: CxoneListKey,
	paging: 'offset' | 'single' = 'offset',
): PageFormat {
	return {
		api: 'CXone',
		paging,
		parse: (body) => parseCxoneEnvelope(body, listKey),
		shapeHint: CXONE_HINT,
	};
}

/** Reporting API v2 pages: `records` and a next page token. */
export const V2_PAGES: PageFormat = {
	api: 'Reporting API v2',
	paging: 'token',
	parse: parseV2Envelope,
	shapeHint:
		'Check the API flavor in the credential: this endpoint did not answer like Reporting API v2.',
};

/** Parses one answer of `format`; an unexpected shape is a NodeApiError naming what was wrong. */
export function parsePage(node: INode, format: PageFormat, body: unknown): PageEnvelope {
	const result = format.parse(body);
	if (result.ok) return result.page;
	throw apiError(
		node,
		null,
		`Unexpected response shape from ${format.api}: ${result.problem}`,
		format.shapeHint,
	);
}

/**
 * Turns CXone's absolute `_links.next` into a path relative to the API base URL (from
 * `/inContactAPI/`, any case, with its query), so the token never goes to another host and the
 * credential's base URL applies. Undefined when the link has no such part.
 */
export function relativeNextLink(link: string): string | undefined {
	const at = link.search(/\/incontactapi\//i);
	if (at < 0) return undefined;
	const rest = link.slice(at);
	return rest.split('#')[0];
}
