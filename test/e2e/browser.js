// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, logged in to a running
// n8n with the owner's auth cookie. `npx playwright install` cannot download browsers here, so the
// system Chromium is used; CHROMIUM_PATH overrides its location.
'use strict';

const fs = require('node:fs');
const { chromium } = require('playwright-core');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The sandbox needs a non-root user; the network flags stop Chromium's own background traffic,
// which this machine's closed network refuses. Playwright adds --headless and a fresh, empty
// --user-data-dir per launch.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function launchChromium() {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
	}
	return await chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
	});
}

/** A browser context that carries n8n's `n8n-auth=…` cookie for `url`. */
async function loggedInContext(browser, url, cookie, viewport = { width: 1440, height: 900 }) {
	const pair = cookie.split(';')[0];
	const eq = pair.indexOf('=');
	const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
	await context.addCookies([{ name: pair.slice(0, eq), value: pair.slice(eq + 1), url }]);
	return context;
}

module.exports = { CHROMIUM_PATH, launchChromium, loggedInContext };
