import { checkTimeZone } from '../time';

/**
 * The "Timezone" parameter: empty means the workflow's zone; either must be an IANA name. The one
 * check of a zone: everything below trusts the zone it is given.
 */
export function resolveTimeZone(value: unknown, workflowZone: string): string {
	const zone = typeof value === 'string' ? value.trim() : '';
	return checkTimeZone(zone === '' ? workflowZone : zone);
}
