'use strict';
// Deterministic hashing and a small PRNG. Every generated value derives from (seed, agent, day,
// stream) alone, so any window query agrees with any other and two servers with the same seed
// serve identical data.

/** Mixes one 32-bit value into a running hash (murmur3 finalizer style). */
function mix(h, v) {
	h = Math.imul(h ^ (v | 0), 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Hash of up to four integers, as an unsigned 32-bit number. */
function hash4(a, b, c, d) {
	let h = mix(0x9e3779b9, a);
	h = mix(h, b);
	h = mix(h, c);
	h = mix(h, d);
	return h;
}

/** mulberry32: fast, good enough for test data, returns floats in [0, 1). */
function rng(seed32) {
	let a = seed32 >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A PRNG for one named stream of (seed, agentId, day). */
function streamRng(seed, agentId, day, stream) {
	return rng(hash4(seed, agentId, day, stream));
}

module.exports = { hash4, rng, streamRng };
