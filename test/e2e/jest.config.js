/** The end-to-end suite: this package inside real n8n 2.8.4 against the fake CXone server. */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.e2e.test.js'],
	globalSetup: '<rootDir>/globalSetup.js',
	testTimeout: 300000,
	maxWorkers: 2,
};
