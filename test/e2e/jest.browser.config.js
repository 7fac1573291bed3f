/** The editor test: real n8n 2.8.4 driven in headless Chromium (needs /usr/bin/chromium). */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.browser.test.js'],
	globalSetup: '<rootDir>/globalSetup.js',
	testTimeout: 180000,
	maxWorkers: 1,
};
