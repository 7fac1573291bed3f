/** The editor test: real n8n driven in headless Chromium (/usr/bin/chromium or CHROMIUM_PATH), on
 * the runtime CXONE_N8N_RUNTIME names (run.js runs it once per runtime). */
const { label, selected } = require('./runtimes/runtimes');

module.exports = {
	displayName: label(selected()),
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.browser.test.js'],
	testPathIgnorePatterns: ['/node_modules/'],
	// The runtimes hold two n8n installs: jest must not crawl them (the node crawler skips ignored
	// folders, the default `find` one lists everything first).
	modulePathIgnorePatterns: ['<rootDir>/runtimes/[^/]+/node_modules/', '<rootDir>/.tmp/'],
	haste: { forceNodeFilesystemAPI: true },
	globalSetup: '<rootDir>/globalSetup.js',
	testTimeout: 180000,
	maxWorkers: 1,
};
