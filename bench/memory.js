'use strict';
// Peak memory of one measured run: process.memoryUsage() every 10 ms, plus an explicit sample
// at the end (long synchronous stretches delay the timer, so the end state is sampled directly).

const MB = 1024 * 1024;

function collect() {
	if (typeof global.gc === 'function') {
		global.gc();
		global.gc();
	}
}

function startSampler(intervalMs = 10) {
	collect();
	const base = process.memoryUsage();
	let peakRss = base.rss;
	let peakHeap = base.heapUsed;
	let samples = 0;
	const sample = () => {
		const m = process.memoryUsage();
		samples++;
		if (m.rss > peakRss) peakRss = m.rss;
		if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
	};
	const timer = setInterval(sample, intervalMs);
	return {
		/** Takes a last sample and stops; values in bytes. */
		stop() {
			sample();
			clearInterval(timer);
			return {
				baseRss: base.rss,
				baseHeap: base.heapUsed,
				peakRss,
				peakHeap,
				samples,
			};
		},
	};
}

module.exports = { startSampler, collect, MB };
