// Runs async tasks with a bound on parallelism. By default the first task runs alone: with an empty
// stored token every parallel request would fetch its own token (n8n has no lock), so one request
// first lets preAuthentication store a token that the rest then share. Callers that know a token is
// stored may start all tasks at once.

/**
 * Maps `items` through `fn`, at most `concurrency` at a time after the first one, preserving order.
 * On failure no new task starts; once the tasks in flight have settled, the first error is thrown.
 */
export async function runBounded<T, R>(
	items: readonly T[],
	concurrency: number,
	fn: (item: T, index: number) => Promise<R>,
	{ firstAlone = true }: { firstAlone?: boolean } = {},
): Promise<R[]> {
	const results = new Array<R>(items.length);
	if (items.length === 0) return results;
	const limit = Math.max(1, Math.floor(Number.isFinite(concurrency) ? concurrency : 1));

	let next = 0;
	if (firstAlone) {
		results[0] = await fn(items[0], 0);
		next = 1;
	}

	let failed = false;
	let firstError: unknown;
	const worker = async (): Promise<void> => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await fn(items[index], index);
			} catch (error) {
				if (!failed) {
					failed = true;
					firstError = error;
				}
			}
		}
	};
	const workers = Math.min(limit, items.length - next);
	await Promise.all(Array.from({ length: workers }, async () => await worker()));
	if (failed) throw firstError;
	return results;
}
