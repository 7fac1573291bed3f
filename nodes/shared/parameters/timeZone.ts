import { checkTimeZone } from '../time';

/** The "Timezone" parameter: empty means the workflow's zone; anything else must be an IANA name. */
export function resolveTimeZone(value: unknown, workflowZone: string): string {
	const zone = typeof value === 'string' ? value.trim() : '';
	return zone === '' ? workflowZone : checkTimeZone(zone);
}
