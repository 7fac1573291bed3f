/** The end-to-end suite: this package inside real n8n against the fake CXone server, on the
 * runtime CXONE_N8N_RUNTIME names (run.js runs it once per runtime); failures carry its name. */
const { label, selected } = require('./runtimes/runtimes');

module.exports = {
	displayName: label(selected()),
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.e2e.test.js'],
	testPathIgnorePatterns: ['/node_modules/'],
	// The runtimes hold two n8n installs: jest must not crawl them (the node crawler skips ignored
	// folders, the default `find` one lists everything first).
	modulePathIgnorePatterns: ['<rootDir>/runtimes/[^/]+/node_modules/', '<rootDir>/.tmp/'],
	haste: { forceNodeFilesystemAPI: true },
	globalSetup: '<rootDir>/globalSetup.js',
	testSequencer: '<rootDir>/sequencer.js',
	testTimeout: 300000,
	maxWorkers: 2,
};
