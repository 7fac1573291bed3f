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

/**
 * A bound on the requests in flight for one query, shared by its agent and chunk tasks and by the
 * pages one task reads in parallel, so the Concurrency option bounds them all together. Waiters
 * are served in the order they asked; once the query is over (`close`), queued ones never start.
 */
export class RequestSlots {
	readonly size: number;

	private free: number;

	private closed = false;

	private readonly waiting: Array<{ start: () => void; cancel: (error: Error) => void }> = [];

	constructor(size: number) {
		this.size = Math.max(1, Math.floor(Number.isFinite(size) ? size : 1));
		this.free = this.size;
	}

	/** Runs `fn` once a slot is free, and frees it when `fn` settles. */
	async run<T>(fn: () => Promise<T>): Promise<T> {
		if (this.closed) throw new Error(QUERY_OVER);
		if (this.free > 0) this.free--;
		else {
			await new Promise<void>((start, cancel) => this.waiting.push({ start, cancel }));
		}
		try {
			return await fn();
		} finally {
			const next = this.waiting.shift();
			if (next !== undefined) next.start();
			else this.free++;
		}
	}

	/** The query is over (done or failed): requests still queued are dropped, not sent. */
	close(): void {
		this.closed = true;
		for (const waiter of this.waiting.splice(0)) waiter.cancel(new Error(QUERY_OVER));
	}
}

const QUERY_OVER = 'The query is over; the request was not sent';
