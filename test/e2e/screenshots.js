// Regenerates the README's editor screenshots in docs/screenshots/: runs the browser test
// (editor.browser.test.js, real current n8n in headless Chromium against the fake CXone server) and,
// only when every check passed, copies the pictures it took. Needs a build: `npm run screenshots`.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT } = require('./harness');

const SHOTS = [
	'node-panel.png',
	'credential-form.png',
	'output.png',
	'agent-picker.png',
	'get-current.png',
	'install-dialog.png',
];
const DEST = path.join(ROOT, 'docs', 'screenshots');

function main() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxone-screenshots-'));
	try {
		const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
		const run = spawnSync(
			process.execPath,
			[jest, '-c', path.join(__dirname, 'jest.browser.config.js')],
			{
				cwd: ROOT,
				stdio: 'inherit',
				// The README shows the current editor.
				env: { ...process.env, CXONE_SCREENSHOTS_DIR: tmp, CXONE_N8N_RUNTIME: 'current' },
			},
		);
		if (run.status !== 0) {
			console.error('The browser test failed; docs/screenshots/ is unchanged.');
			return 1;
		}
		const missing = SHOTS.filter((file) => !fs.existsSync(path.join(tmp, file)));
		if (missing.length > 0) {
			console.error(
				`The browser test took no ${missing.join(', ')}; docs/screenshots/ is unchanged.`,
			);
			return 1;
		}
		fs.mkdirSync(DEST, { recursive: true });
		for (const file of SHOTS) {
			fs.copyFileSync(path.join(tmp, file), path.join(DEST, file));
			console.log(`docs/screenshots/${file}`);
		}
		return 0;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

process.exitCode = main();
