// The root every CXone (inContactAPI) endpoint hangs from.

/** `/inContactAPI/services/{version}/{segments…}`, each part trimmed and encoded. */
export function servicesPath(version: string, ...segments: string[]): string {
	const parts = [version, ...segments].map((s) => encodeURIComponent(s.trim()));
	return `/inContactAPI/services/${parts.join('/')}`;
}
