import { sleep } from 'n8n-workflow';

import { RequestSlots, runBounded } from '../../../../nodes/shared/api/concurrency';
import { TokenRefresh } from '../../../../nodes/shared/api/tokenRefresh';

interface Deferred {
	promise: Promise<void>;
	resolve: () => void;
	reject: (e: Error) => void;
}

function deferred(): Deferred {
	let resolve!: () => void;
	let reject!: (e: Error) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

/** Lets every pending promise callback run (no timers). */
async function flush(): Promise<void> {
	for (let i = 0; i < 20; i++) await Promise.resolve();
}

function tracker(count: number) {
	const gates = Array.from({ length: count }, deferred);
	const started: number[] = [];
	let active = 0;
	let maxActive = 0;
	const fn = async (item: string, index: number) => {
		started.push(index);
		active++;
		maxActive = Math.max(maxActive, active);
		try {
			await gates[index].promise;
			return `${item}:${index}`;
		} finally {
			active--;
		}
	};
	return { gates, started, fn, stats: () => ({ active, maxActive }) };
}

describe('runBounded', () => {
	it('returns [] for no items', async () => {
		expect(await runBounded([], 3, async () => 1)).toEqual([]);
	});

	it('runs the first task alone, then at most `concurrency` at once, preserving order', async () => {
		const items = Array.from({ length: 8 }, (_, i) => `item${i}`);
		const t = tracker(items.length);
		const run = runBounded(items, 3, t.fn);

		await flush();
		expect(t.started).toEqual([0]);
		t.gates[0].resolve();
		await flush();
		expect(t.started).toEqual([0, 1, 2, 3]);
		expect(t.stats().active).toBe(3);

		// Finish out of order: results must still follow the input order.
		for (const i of [3, 1, 2, 7, 6, 5, 4]) {
			t.gates[i].resolve();
			await flush();
			expect(t.stats().active).toBeLessThanOrEqual(3);
		}
		expect(await run).toEqual(items.map((item, i) => `${item}:${i}`));
		expect(t.stats().maxActive).toBe(3);
		expect(t.started).toHaveLength(8);
	});

	it('with firstAlone off (a token is already stored) starts `concurrency` tasks at once', async () => {
		const items = ['a', 'b', 'c', 'd', 'e'];
		const t = tracker(items.length);
		const run = runBounded(items, 3, t.fn, { firstAlone: false });
		await flush();
		expect(t.started).toEqual([0, 1, 2]);
		for (const i of [1, 0, 2, 3, 4]) {
			t.gates[i].resolve();
			await flush();
		}
		expect(await run).toEqual(['a:0', 'b:1', 'c:2', 'd:3', 'e:4']);
		expect(t.stats().maxActive).toBe(3);
	});

	it('treats a concurrency below 1 or not finite as 1', async () => {
		for (const concurrency of [0, -2, Number.NaN]) {
			const t = tracker(3);
			const run = runBounded(['a', 'b', 'c'], concurrency, t.fn);
			await flush();
			t.gates[0].resolve();
			await flush();
			expect(t.started).toEqual([0, 1]);
			t.gates[1].resolve();
			t.gates[2].resolve();
			expect(await run).toEqual(['a:0', 'b:1', 'c:2']);
			expect(t.stats().maxActive).toBe(1);
		}
	});

	it('a failing first task rejects at once and starts nothing else', async () => {
		const t = tracker(4);
		const run = runBounded(['a', 'b', 'c', 'd'], 2, t.fn);
		t.gates[0].reject(new Error('first failed'));
		await expect(run).rejects.toThrow('first failed');
		expect(t.started).toEqual([0]);
	});

	it('on failure starts no new task and rejects with the first error after in-flight tasks settle', async () => {
		const items = ['a', 'b', 'c', 'd', 'e', 'f'];
		const t = tracker(items.length);
		let settled = false;
		const run = runBounded(items, 2, t.fn).then(
			() => {
				settled = true;
			},
			(error: Error) => {
				settled = true;
				throw error;
			},
		);
		t.gates[0].resolve();
		await flush();
		expect(t.started).toEqual([0, 1, 2]);
		t.gates[1].reject(new Error('task 1 failed'));
		await flush();
		// Task 2 is still running, so the run has not settled and nothing new started.
		expect(settled).toBe(false);
		expect(t.started).toEqual([0, 1, 2]);
		t.gates[2].reject(new Error('task 2 failed too'));
		await expect(run).rejects.toThrow('task 1 failed');
		expect(t.started).toEqual([0, 1, 2]);
	});
});

describe('RequestSlots', () => {
	it('runs at most size at a time, in the order asked', async () => {
		const slots = new RequestSlots(2);
		let running = 0;
		let peak = 0;
		const order: number[] = [];
		const job = (n: number) =>
			slots.run(async () => {
				running++;
				peak = Math.max(peak, running);
				order.push(n);
				await sleep(5);
				running--;
				return n;
			});
		await expect(Promise.all([1, 2, 3, 4, 5].map(job))).resolves.toEqual([1, 2, 3, 4, 5]);
		expect(peak).toBe(2);
		expect(order).toEqual([1, 2, 3, 4, 5]);
	});

	it('frees the slot when a job fails', async () => {
		const slots = new RequestSlots(1);
		await expect(slots.run(async () => await Promise.reject(new Error('boom')))).rejects.toThrow(
			'boom',
		);
		await expect(slots.run(async () => await Promise.resolve('next'))).resolves.toBe('next');
	});

	it('close: queued jobs never start, running ones finish', async () => {
		const slots = new RequestSlots(1);
		const started: string[] = [];
		const first = slots.run(async () => {
			started.push('first');
			await sleep(10);
			return 'done';
		});
		const queued = slots.run(async () => {
			started.push('queued');
			return await Promise.resolve('never');
		});
		slots.close();
		await expect(queued).rejects.toThrow('The query is over; the request was not sent');
		await expect(first).resolves.toBe('done');
		await expect(slots.run(async () => await Promise.resolve(1))).rejects.toThrow(/query is over/);
		expect(started).toEqual(['first']);
	});
});

describe('TokenRefresh', () => {
	it('one refresh for requests sent with the same token; later ones retry with the new one', async () => {
		const gate = new TokenRefresh();
		const sent = gate.generation;
		expect(gate.claim(sent)).toBe('refresh');
		expect(gate.claim(sent)).toBe('wait');
		let waited = false;
		const waiting = gate.done().then(() => (waited = true));
		await sleep(1);
		expect(waited).toBe(false);
		gate.finish();
		await waiting;
		expect(waited).toBe(true);
		expect(gate.claim(sent)).toBe('retry');
		// A 401 on a request sent with the new token is a new expiry: refresh again.
		expect(gate.claim(gate.generation)).toBe('refresh');
	});
});
