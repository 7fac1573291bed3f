'use strict';
// CPU profiles of the node's measured runs only (run.js --profile), through the inspector, so the
// floor, the warm-up and the harness are not in them.

const fs = require('fs');
const inspector = require('inspector');
const path = require('path');

/** start() / stop(name): a CPU profile of what runs in between, written to dir/name.cpuprofile. */
function createProfiler(dir) {
	let session;
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
		);
	return {
		async start() {
			session = new inspector.Session();
			session.connect();
			await post('Profiler.enable');
			await post('Profiler.setSamplingInterval', { interval: 200 });
			await post('Profiler.start');
		},
		async stop(name) {
			const { profile } = await post('Profiler.stop');
			session.disconnect();
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
		},
	};
}

module.exports = { createProfiler };
