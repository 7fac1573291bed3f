// The one rule for a list CXone refuses (401/403): the API user's role lacks a view permission.
// The pickers show it as their error, the agent names of state items as a warning.

import { NodeApiError } from 'n8n-workflow';

/** The permission each list needs (CXone → Admin → Security Profiles). */
const PERMISSION = {
	agents: 'Users (Employees) - View',
	teams: 'Teams - View',
	'unavailable codes': 'Unavailable Codes - View',
} as const;

export type ListName = keyof typeof PERMISSION;

export interface Refusal {
	/** "CXone refused the list of teams (HTTP 403: …)" */
	message: string;
	/** "Give the API user's role the permission Teams - View" */
	fix: string;
}

/** What a refusal of the list of `what` says, or undefined when `error` is not one. */
export function refusalOf(error: unknown, what: ListName): Refusal | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	if (error.httpCode !== '401' && error.httpCode !== '403') return undefined;
	return {
		message: `CXone refused the list of ${what} (HTTP ${error.httpCode}: ${error.message})`,
		fix: `Give the API user's role the permission ${PERMISSION[what]}`,
	};
}
