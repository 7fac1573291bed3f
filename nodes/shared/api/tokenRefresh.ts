// One token refresh for the requests of a query that meet the same expired token together:
// without it each parallel request that gets a 401 would fetch its own token (n8n has no lock
// around preAuthentication, see docs/credential-and-refresh.md).

/** Shared by the requests of one query; request.ts consults it on a 401. */
export class TokenRefresh {
	/** Refreshes finished so far. A request remembers it when sent. */
	generation = 0;

	private pending: Promise<void> | undefined;

	private settle: (() => void) | undefined;

	/**
	 * What a request that got a 401 should do: 'retry' when a refresh finished after it was sent
	 * (the stored token is already new), 'wait' when one is running (await `done()`, then retry),
	 * 'refresh' when it is the one to refresh (call `finish()` after the forced request).
	 */
	claim(sentGeneration: number): 'retry' | 'wait' | 'refresh' {
		if (this.generation > sentGeneration) return 'retry';
		if (this.pending !== undefined) return 'wait';
		this.pending = new Promise<void>((resolve) => (this.settle = resolve));
		return 'refresh';
	}

	/** Resolves when the running refresh is over. */
	async done(): Promise<void> {
		await this.pending;
	}

	/** The forced request settled, with or without a new token. */
	finish(): void {
		this.generation++;
		const settle = this.settle;
		this.pending = undefined;
		this.settle = undefined;
		settle?.();
	}
}
