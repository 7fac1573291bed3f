/** Unit and integration tests (test/unit, test/integration). The e2e suite has its own config. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	// Not test/e2e: its runtimes hold two n8n installs that jest would crawl for nothing.
	roots: ['<rootDir>/test/unit', '<rootDir>/test/integration', '<rootDir>/test/packaging'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	collectCoverageFrom: ['credentials/**/*.ts', 'nodes/**/*.ts'],
	coverageReporters: ['text-summary', 'text'],
	testTimeout: 20000,
	setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
};
