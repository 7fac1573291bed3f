/** The queue-mode suite (queueMode.queue.test.js): n8n main + 2 workers, Redis, PostgreSQL. */
const { label, selected } = require('./runtimes/runtimes');

module.exports = {
	displayName: `queue mode, ${label(selected())}`,
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.queue.test.js'],
	testPathIgnorePatterns: ['/node_modules/'],
	modulePathIgnorePatterns: ['<rootDir>/runtimes/[^/]+/node_modules/', '<rootDir>/.tmp/'],
	haste: { forceNodeFilesystemAPI: true },
	globalSetup: '<rootDir>/globalSetup.js',
	testTimeout: 900000,
	maxWorkers: 1,
};
