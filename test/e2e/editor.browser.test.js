// The n8n editor (the run's runtime) in headless Chromium: the packed package installed as a community package,
// the daily-timecard example imported, the CXone node's panel and credential form driven through
// the UI, and "Execute step" run against the fake CXone server. Saves the README's screenshots
// (node panel, credential form, output) into CXONE_SCREENSHOTS_DIR (test/e2e/.tmp/screenshots).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { createFakeCxone } = require('../fake-cxone');
const { launchChromium, loggedInContext } = require('./browser');
const { fakeCredentialData } = require('./cases');
const h = require('./harness');
const { startN8n, setupOwner } = require('./server');

const SHOTS_DIR = process.env.CXONE_SCREENSHOTS_DIR || path.join(h.E2E_DIR, '.tmp', 'screenshots');
const FAILURES_DIR = path.join(h.E2E_DIR, '.tmp', 'editor-failures');

const WORKFLOW_ID = 'cxoneEditorWf01';
const CURRENT_WORKFLOW_ID = 'cxoneEditorWf02';
const CREDENTIAL_ID = 'cxoneEditorCred1';
const CREDENTIAL_NAME = 'CXone (fake server)';
const NODE_NAME = 'CXone Agent State History';
// The fake's clock is fixed at 2024-05-08T18:00Z, so this window always holds the same records.
const WINDOW = { start: '2024-05-07 00:00:00', end: '2024-05-08 00:00:00', zone: 'UTC' };
const WINDOW_MS = {
	startMs: Date.parse('2024-05-07T00:00:00Z'),
	endMs: Date.parse('2024-05-08T00:00:00Z'),
};
const TEAM = '205970';

const UI_TIMEOUT_MS = 20000;
// The output picture is wider, so the table shows the state, times and durations too.
const WIDE_VIEWPORT = { width: 1920, height: 1000 };

describe('the CXone node in the n8n editor (headless Chromium)', () => {
	let fake;
	let home;
	let n8n;
	let browser;
	let page;
	let truth;

	beforeAll(async () => {
		fake = createFakeCxone({ agents: 6, seed: 7 });
		await fake.start(0);
		truth = fake.canonicalRecordsFor({ all: true, ...WINDOW_MS });

		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, {
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			data: fakeCredentialData(fake),
		});
		const workflow = h.adaptExample('daily-timecard.json', { credentialId: CREDENTIAL_ID });
		workflow.id = WORKFLOW_ID;
		for (const node of workflow.nodes) {
			if (node.credentials?.[h.CREDENTIAL_TYPE]) {
				node.credentials[h.CREDENTIAL_TYPE].name = CREDENTIAL_NAME;
			}
		}
		await h.importWorkflow(home, workflow);
		const current = h.adaptExample('who-is-on-break-now.json', { credentialId: CREDENTIAL_ID });
		current.id = CURRENT_WORKFLOW_ID;
		for (const node of current.nodes) {
			if (node.credentials?.[h.CREDENTIAL_TYPE]) {
				node.credentials[h.CREDENTIAL_TYPE].name = CREDENTIAL_NAME;
			}
		}
		await h.importWorkflow(home, current);

		n8n = await startN8n(home);
		const { cookie } = await setupOwner(n8n.url);
		browser = await launchChromium();
		const context = await loggedInContext(browser, n8n.url, cookie);
		page = await context.newPage();
		page.setDefaultTimeout(UI_TIMEOUT_MS);
		fs.mkdirSync(SHOTS_DIR, { recursive: true });
	});

	afterAll(async () => {
		// Each step runs even when an earlier one threw, so nothing is left running.
		await browser?.close().catch(() => {});
		await n8n?.stop().catch(() => {});
		await fake?.stop().catch(() => {});
		if (home) fs.rmSync(home.home, { recursive: true, force: true });
	});

	/** Runs a step; on failure saves what the browser showed, then rethrows. */
	async function step(name, fn) {
		try {
			await fn();
		} catch (error) {
			if (page) {
				fs.mkdirSync(FAILURES_DIR, { recursive: true });
				await page.screenshot({ path: path.join(FAILURES_DIR, `${name}.png`) }).catch(() => {});
			}
			throw error;
		}
	}

	const ndv = () => page.locator('[data-test-id="ndv"]');
	const param = (name) =>
		page.locator(`[data-test-id="node-parameters"] [data-test-id="parameter-input-${name}"]`);
	const credentialModal = () => page.locator('[data-test-id="editCredential-modal"]');
	const credentialField = (name) =>
		credentialModal().locator(`[data-test-id="parameter-input-${name}"]`);
	const outputPanel = () => page.locator('[data-test-id="output-panel"]');

	async function isShown(locator) {
		await locator.first().waitFor({ state: 'visible' });
		return await locator.first().isVisible();
	}

	async function isGone(locator) {
		await locator.first().waitFor({ state: 'hidden' });
		return !(await locator.first().isVisible());
	}

	/** Picks an option of an n8n select by the start of its label; resolves with the shown value. */
	async function choose(select, label) {
		await select.click();
		await page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
			.click();
		await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
		return await select.locator('input').first().inputValue();
	}

	/** Opens a searchable select, types `search` and picks the option whose label starts with `label`. */
	async function chooseBySearch(select, search, label) {
		// A multiple select stays open after a pick: clicking it again would close it.
		const open = await page.locator('.el-select-dropdown:visible').count();
		if (open === 0) await select.click();
		const input = select.locator('input').first();
		await input.fill(search);
		await page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
			.first()
			.click();
	}

	async function fillText(name, value) {
		const input = param(name).locator('input, textarea').first();
		await input.click();
		await input.fill(value);
		await input.press('Tab');
		return await input.inputValue();
	}

	async function switchIsOn(name) {
		const cls = await param(name).locator('.el-switch').first().getAttribute('class');
		return /\bis-checked\b/.test(cls ?? '');
	}

	async function setSwitch(name, on) {
		if ((await switchIsOn(name)) !== on) await param(name).locator('.el-switch').first().click();
		return await switchIsOn(name);
	}

	/**
	 * Clicks "Execute step" and waits for the output table whose header has `column`; with
	 * `previousCount` (the item count text of the last run) also until the count changed.
	 */
	async function executeStepAndReadTable(column, previousCount) {
		await ndv().locator('[data-test-id="node-execute-button"]').first().click();
		if (previousCount !== undefined) {
			await outputPanel()
				.locator('[data-test-id="run-data-item-count"]')
				.filter({ hasNotText: previousCount })
				.waitFor({ timeout: 60000 });
		}
		const table = outputPanel().locator('[data-test-id="ndv-data-container"] table').first();
		await table
			.locator('thead th')
			.filter({ hasText: new RegExp(`^${column}$`) })
			.first()
			.waitFor({ timeout: 60000 });
		const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
		const rows = await table
			.locator('tbody > tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.children].map((td) => td.innerText.trim().split('\n')[0])),
			);
		const count = await outputPanel().locator('[data-test-id="run-data-item-count"]').innerText();
		const items = Number(/(\d+)\s+items?/.exec(count)?.[1] ?? NaN);
		const cell = (row, name) => row[headers.indexOf(name)];
		return { headers, rows, items, cell };
	}

	async function screenshot(file, locator) {
		const target = path.join(SHOTS_DIR, file);
		// No focus rings, hover toolbars or toasts in the pictures.
		await page.evaluate(() => document.activeElement?.blur());
		await page.mouse.move(1, 1);
		// Hover toolbars fade out; a picture is not an assertion, so a short settle is fine.
		await page.waitForTimeout(600);
		await page.locator('.el-notification').first().waitFor({ state: 'hidden' });
		if (locator) await locator.screenshot({ path: target });
		else await page.screenshot({ path: target });
		expect(fs.statSync(target).size).toBeGreaterThan(10000);
	}

	test('the node panel opens from the canvas and renders the example parameters', async () => {
		await step('node-panel', async () => {
			await page.goto(`${n8n.url}/workflow/${WORKFLOW_ID}`);
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: NODE_NAME });
			await node.waitFor();
			await node.dblclick();
			await ndv().waitFor();

			expect(await ndv().locator('[data-test-id="node-title-container"]').innerText()).toContain(
				NODE_NAME,
			);
			expect(
				await ndv().locator('[data-test-id="node-credentials-select"] input').first().inputValue(),
			).toBe(CREDENTIAL_NAME);
			expect(await param('agentSelection').locator('input').first().inputValue()).toBe(
				'All Agents',
			);
			expect(await param('timeRange').locator('input').first().inputValue()).toBe('Yesterday');
			expect(await isShown(param('teamIds'))).toBe(true);
			expect(await isShown(param('timezone'))).toBe(true);
			expect(await switchIsOn('splitIntoItems')).toBe(false);
			// The example's options collection.
			// Its threshold rows, the reason picked from the tenant's codes.
			const labels = param('label').locator('input');
			await labels.first().waitFor();
			// The reasons come from the tenant (a loader): wait until the picker has its options.
			await page.waitForFunction(
				() =>
					[...document.querySelectorAll('[data-test-id="parameter-input-label"] input')].every(
						(i) => i.value !== '' && !/^Loading/.test(i.value),
					),
				undefined,
				{ timeout: 20000 },
			);
			expect(await labels.evaluateAll((inputs) => inputs.map((i) => i.value))).toEqual([
				'Break',
				'Lunch',
			]);
			const minutes = param('minutes').locator('input');
			expect(await minutes.evaluateAll((inputs) => inputs.map((i) => i.value))).toEqual([
				'15.00',
				'60.00',
			]);
			expect(await switchIsOn('resolveAgentNames')).toBe(true);
			// Fields of the other choices stay hidden.
			for (const hidden of ['agentIds', 'hours', 'start', 'end']) {
				expect(await param(hidden).count()).toBe(0);
			}
		});
	});

	test('time range: Last N Hours shows Hours; Custom shows Start and End', async () => {
		await step('time-range', async () => {
			expect(await choose(param('timeRange'), 'Last N Hours')).toBe('Last N Hours');
			expect(await isShown(param('hours'))).toBe(true);
			expect(await param('start').count()).toBe(0);
			expect(await param('end').count()).toBe(0);

			expect(await choose(param('timeRange'), 'Custom')).toBe('Custom');
			expect(await isShown(param('start'))).toBe(true);
			expect(await isShown(param('end'))).toBe(true);
			expect(await isGone(param('hours'))).toBe(true);

			expect(await fillText('start', WINDOW.start)).toBe(WINDOW.start);
			expect(await fillText('end', WINDOW.end)).toBe(WINDOW.end);
			// Timezone is a list of IANA zones (the workflow's first), searchable.
			await chooseBySearch(param('timezone'), WINDOW.zone, WINDOW.zone);
			await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
			expect(await param('timezone').locator('input').first().inputValue()).toBe(WINDOW.zone);
		});
	});

	test('agents: Agent IDs shows the ID field; All Agents shows the team filter', async () => {
		await step('agents', async () => {
			expect(await choose(param('agentSelection'), 'Agent IDs')).toBe('Agent IDs');
			expect(await isShown(param('agentIds'))).toBe(true);
			expect(await isGone(param('teamIds'))).toBe(true);

			expect(await choose(param('agentSelection'), 'All Agents')).toBe('All Agents');
			expect(await isShown(param('teamIds'))).toBe(true);
			expect(await isGone(param('agentIds'))).toBe(true);

			expect(await fillText('teamIds', TEAM)).toBe(TEAM);
			await screenshot('node-panel.png');
		});
	});

	test('credential form: tested against the fake server, fields of both grant types', async () => {
		await step('credential-form', async () => {
			await ndv().locator('[data-test-id="credential-edit-button"]').click();
			await credentialModal().waitFor();
			// The editor tests the stored credential on open (the node's testedBy function).
			await credentialModal()
				.locator('[data-test-id="credentials-config-container-test-success"]')
				.waitFor({ timeout: 30000 });
			const grantType = credentialField('grantType').locator('input').first();
			expect(await grantType.inputValue()).toBe('Access Key (Back-End Application)');

			const common = ['clientId', 'clientSecret', 'clientAuth', 'issuerUrl', 'tokenUrl'];
			const more = ['apiBaseUrl', 'apiFlavor', 'apiVersion'];
			const accessKey = ['accessKeyId', 'accessKeySecret'];
			for (const name of [...common, ...more, ...accessKey]) {
				expect(await isShown(credentialField(name))).toBe(true);
			}
			expect(await credentialField('accessToken').count()).toBe(0);
			expect(await credentialField('resolvedBaseUrl').count()).toBe(0);
			expect(await credentialField('issuerUrl').locator('input').inputValue()).toBe(fake.url);
			// Secrets stay masked: the page never holds them in clear.
			const html = await page.content();
			expect(html).not.toContain(fake.credentials.clientSecret);
			expect(html).not.toContain(fake.credentials.accessKeySecret);

			await screenshotWholeCredentialForm();

			expect(await choose(credentialField('grantType'), 'Client Credentials')).toBe(
				'Client Credentials',
			);
			for (const name of accessKey) expect(await isGone(credentialField(name))).toBe(true);
			for (const name of common) expect(await isShown(credentialField(name))).toBe(true);

			expect(await choose(credentialField('grantType'), 'Access Key')).toBe(
				'Access Key (Back-End Application)',
			);
			for (const name of accessKey) expect(await isShown(credentialField(name))).toBe(true);

			// Close without saving; n8n asks to confirm because the form was touched.
			await credentialModal().locator('.el-dialog__headerbtn').first().click();
			const discard = page.getByRole('button', { name: 'Close', exact: true });
			if (await discard.isVisible({ timeout: 3000 }).catch(() => false)) await discard.click();
			await credentialModal().waitFor({ state: 'hidden' });
		});
	});

	/** Drags the parameters panel left, as a user would, so the output table shows more columns. */
	async function widenOutputPanel() {
		await page.setViewportSize(WIDE_VIEWPORT);
		const handle = ndv().locator('[data-test-id="panel-drag-button"]').first();
		const box = await handle.boundingBox();
		if (!box) return;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x - 600, box.y + box.height / 2, { steps: 12 });
		await page.mouse.up();
	}

	/** The form scrolls inside a fixed-height dialog: unclip it for one full-length picture. */
	async function screenshotWholeCredentialForm() {
		const modal = credentialModal();
		const contentHeight = await modal.evaluate(
			(el) => el.querySelector('[class*="_mainContent_"]')?.scrollHeight ?? 0,
		);
		await page.setViewportSize({ width: 1440, height: Math.max(900, contentHeight + 300) });
		const style = await page.addStyleTag({
			content:
				'[data-test-id="editCredential-modal"]{height:auto!important;max-height:none!important}' +
				'[data-test-id="editCredential-modal"] [class*="_mainContent_"]{height:auto!important;max-height:none!important;overflow:visible!important}',
		});
		try {
			await screenshot('credential-form.png', modal);
		} finally {
			await style.evaluate((el) => el.remove());
			await page.setViewportSize({ width: 1440, height: 900 });
		}
	}

	test('Execute step, Split Into Items off: one item per agent of the team, with its summary', async () => {
		await step('execute-split-off', async () => {
			expect(await setSwitch('splitIntoItems', false)).toBe(false);
			const table = await executeStepAndReadTable('summary');

			const agents = [...new Set(truth.filter((r) => r.teamId === TEAM).map((r) => r.agentId))];
			expect(agents.length).toBeGreaterThan(0);
			expect(table.items).toBe(agents.length);
			expect(table.headers).toEqual(
				expect.arrayContaining(['agentId', 'agentName', 'teamId', 'summary', 'states']),
			);
			expect(table.rows.map((row) => table.cell(row, 'agentId')).sort()).toEqual(agents.sort());
			for (const row of table.rows) expect(table.cell(row, 'teamId')).toBe(TEAM);
		});
	});

	test('Execute step, Split Into Items on: one row per state record of every agent', async () => {
		await step('execute-split-on', async () => {
			expect(await fillText('teamIds', '')).toBe('');
			expect(await setSwitch('splitIntoItems', true)).toBe(true);
			const table = await executeStepAndReadTable('recordId');

			expect(table.items).toBe(truth.length);
			expect(table.headers).toEqual(
				expect.arrayContaining(['recordId', 'agentId', 'agentName', 'state', 'startTime']),
			);
			expect(table.rows.length).toBeGreaterThan(0);
			const byId = new Map(truth.map((r) => [r.recordId, r]));
			for (const row of table.rows) {
				const record = byId.get(table.cell(row, 'recordId'));
				expect(record).toBeDefined();
				expect(table.cell(row, 'agentName')).toBe(record.agentName);
			}
			await widenOutputPanel();
			await screenshot('output.png');
		});
	});

	test('agent picker: From List, search, pick two agents, Execute step reads only theirs', async () => {
		await step('agent-picker', async () => {
			expect(await choose(param('agentSelection'), 'From List')).toBe('From List');
			const picker = param('agentList');
			expect(await isShown(picker)).toBe(true);
			const [a, b] = fake.agents;
			const label = (x) => `${x.firstName} ${x.lastName} (${x.agentId})`;
			await chooseBySearch(picker, x0(a), label(a));
			await chooseBySearch(picker, x0(b), label(b));
			const tags = await picker.locator('.el-tag, .el-select__tags-text').allInnerTexts();
			expect(tags.join(' ')).toContain(label(a));
			expect(tags.join(' ')).toContain(label(b));
			// Close the dropdown with a click beside it (Escape would close the whole panel).
			await page.locator('[data-test-id="node-parameters"]').click({ position: { x: 2, y: 2 } });
			await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });

			const before = await outputPanel()
				.locator('[data-test-id="run-data-item-count"]')
				.innerText();
			const table = await executeStepAndReadTable('recordId', before);
			const picked = new Set([String(a.agentId), String(b.agentId)]);
			const expected = truth.filter((r) => picked.has(r.agentId));
			expect(expected.length).toBeGreaterThan(0);
			expect(table.items).toBe(expected.length);
			for (const row of table.rows) expect(picked.has(table.cell(row, 'agentId'))).toBe(true);
			await screenshot('agent-picker.png');
		});
	});

	/** What a supervisor types to find an agent: the full name. */
	const x0 = (agent) => `${agent.firstName} ${agent.lastName}`;

	test('CXone node: Agent State → Get Current lists every agent with its state right now', async () => {
		await step('get-current', async () => {
			await page.goto(`${n8n.url}/workflow/${CURRENT_WORKFLOW_ID}`);
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: /^CXone/ });
			await node.first().waitFor();
			await node.first().dblclick();
			await ndv().waitFor();
			expect(await param('resource').locator('input').first().inputValue()).toBe('Agent State');
			expect(await param('operation').locator('input').first().inputValue()).toBe('Get Current');
			const table = await executeStepAndReadTable('label');
			const states = fake.currentStates();
			expect(table.items).toBe(states.length);
			expect(table.headers).toEqual(
				expect.arrayContaining(['agentId', 'agentName', 'state', 'label', 'durationSeconds']),
			);
			const byId = new Map(states.map((t) => [String(t.agentId), t]));
			for (const row of table.rows) {
				const t = byId.get(table.cell(row, 'agentId'));
				expect(t).toBeDefined();
				expect(table.cell(row, 'label')).toBe(t.outStateDescription ?? t.agentStateName);
			}
			await widenOutputPanel();
			await screenshot('get-current.png');
		});
	});

	test('Settings → Community nodes: the install dialog takes the package name', async () => {
		await step('install-dialog', async () => {
			await page.goto(`${n8n.url}/settings/community-nodes`);
			await page
				.getByRole('button', { name: /install a community node/i })
				.first()
				.click();
			const modal = page.locator('[data-test-id="communityPackageInstall-modal"]');
			await modal.waitFor({ state: 'visible' });
			const install = modal.locator('[data-test-id="install-community-package-button"]');
			await modal.locator('input').first().fill('n8n-nodes-cxone');
			// Install stays disabled until the risk notice is accepted.
			expect(await install.isDisabled()).toBe(true);
			await modal.locator('[data-test-id="user-agreement-checkbox"]').click();
			expect(await install.isEnabled()).toBe(true);
			await screenshot('install-dialog.png', modal);
		});
	});
});
