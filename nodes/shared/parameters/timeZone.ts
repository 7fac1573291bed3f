import { InputError } from '../errors';
import { isValidTimeZone } from '../time';

/** The "Timezone" parameter: empty means the workflow's zone; anything else must be an IANA name. */
export function resolveTimeZone(value: unknown, workflowZone: string): string {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (zone === '') return workflowZone;
	if (!isValidTimeZone(zone)) {
		throw new InputError(
			'timezone',
			`Timezone "${zone}" is not an IANA timezone name. Use a name like "America/New_York", "Europe/London" or "UTC", or leave it empty for the workflow's timezone.`,
		);
	}
	return zone;
}
