// A long-running child of the e2e suites (n8n, Redis, PostgreSQL), spawned in its own process
// group so that stopping it also ends what it spawned (n8n's task runner): its output's tail kept
// for failure messages, its exit watched, and one stop for the whole group.
'use strict';

/** Sends `signal` to the process group led by `pid`; a group already gone is fine. */
function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

/**
 * Watches `child` (spawned with `detached: true` and piped stdout and stderr). `stop(signal)`
 * sends `signal` (SIGTERM by default) to the group, SIGKILL after `stopTimeoutMs`, then SIGKILL to
 * whatever the group still holds; called again it returns the same promise.
 */
function superviseGroup(child, { stopTimeoutMs, maxLogChars }) {
	let output = '';
	const collect = (chunk) => {
		output += chunk.toString();
		if (output.length > maxLogChars) output = output.slice(-maxLogChars);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);

	let exitInfo = null;
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => resolve((exitInfo = { code, signal })));
		child.once('error', (error) => resolve((exitInfo = { code: null, signal: null, error })));
	});

	let stopping = null;
	function stop(signal = 'SIGTERM') {
		stopping ??= (async () => {
			if (!exitInfo) {
				signalGroup(child.pid, signal);
				// A timer cleared once the process exits, so none keeps the test process alive.
				let timer;
				const timedOut = new Promise((resolve) => {
					timer = setTimeout(() => resolve(null), stopTimeoutMs);
				});
				const done = await Promise.race([exited, timedOut]);
				clearTimeout(timer);
				if (!done) {
					signalGroup(child.pid, 'SIGKILL');
					await exited;
				}
			}
			signalGroup(child.pid, 'SIGKILL');
		})();
		return stopping;
	}

	return { output: () => output, exitInfo: () => exitInfo, stop };
}

module.exports = { signalGroup, superviseGroup };
