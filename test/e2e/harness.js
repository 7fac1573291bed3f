// Runs this package inside real n8n (the runtime of this run, see runtimes/runtimes.js) as an
// installed community package: pack, install into a fresh user folder, import credentials and
// workflows, `n8n execute --id … --rawOutput`, parse the run. Shared by the e2e suite and the demo.
'use strict';

const { execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const runtimes = require('./runtimes/runtimes');

const run = promisify(execFile);
const E2E_DIR = __dirname;
const ROOT = path.resolve(E2E_DIR, '..', '..');
/** The n8n this run uses (CXONE_N8N_RUNTIME, else the first installed, current first). */
const RUNTIME = runtimes.selected();
const PACKAGE_NAME = 'n8n-nodes-cxone';
const NODE_TYPE = `${PACKAGE_NAME}.cxoneAgentStateHistory`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.cxoneAgentStateTrigger`;
const CXONE_TYPE = `${PACKAGE_NAME}.cxone`;
const CREDENTIAL_TYPE = 'cxoneOAuth2Api';

/** Installs this run's n8n runtime from its lockfile when it is missing (a few minutes). */
async function ensureRuntime(log = () => {}) {
	await runtimes.install(RUNTIME, log);
}

/** Builds nothing: packs the already built package (dist/) and returns the tarball path. */
async function packPackage(destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--pack-destination', destDir, '--silent'], {
		cwd: ROOT,
		maxBuffer: 16 * 1024 * 1024,
	});
	const file = stdout.trim().split('\n').pop();
	return path.join(destDir, file);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** A fresh n8n user folder with the packed package installed as a community package. */
async function createN8nHome(tarball) {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cxone-e2e-'));
	const pkgDir = path.join(home, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(pkgDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	const brokerPort = await freePort();
	return { home, brokerPort };
}

function n8nEnv(n8nHome, extra = {}) {
	const env = {
		...process.env,
		N8N_USER_FOLDER: n8nHome.home,
		N8N_RUNNERS_BROKER_PORT: String(n8nHome.brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
	// NODE_ENV=test (jest sets it) makes n8n skip loading nodes and print nothing.
	delete env.NODE_ENV;
	return env;
}

async function n8n(n8nHome, args, extraEnv) {
	return await runtimes.execN8n(RUNTIME, args, { env: n8nEnv(n8nHome, extraEnv) });
}

function writeJson(n8nHome, name, data) {
	const file = path.join(n8nHome.home, name);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

/** Imports one credential of our type; `data` holds the plain field values (n8n encrypts them). */
async function importCredential(n8nHome, { id, name, data }) {
	const file = writeJson(n8nHome, `cred-${id}.json`, [
		{ id, name: name ?? `CXone ${id}`, type: CREDENTIAL_TYPE, data },
	]);
	await n8n(n8nHome, ['import:credentials', `--input=${file}`]);
}

async function importWorkflow(n8nHome, workflow) {
	const file = writeJson(n8nHome, `wf-${workflow.id}.json`, workflow);
	await n8n(n8nHome, ['import:workflow', `--input=${file}`]);
}

/** Reads the stored credential back, decrypted (to see what preAuthentication persisted). */
async function exportCredentials(n8nHome) {
	const file = path.join(n8nHome.home, 'export-creds.json');
	await n8n(n8nHome, ['export:credentials', '--all', '--decrypted', `--output=${file}`]);
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The run `n8n execute --rawOutput` printed: a pretty-printed JSON block from a line "{" to a line
 * "}" (every inner line is indented). Log lines can come before it and after it: the task runner
 * registers while the workflow runs and often prints after the JSON (docs/n8n-runtimes.md).
 */
function parseRun(stdout) {
	const block = /^\{$[\s\S]*?^\}$/m.exec(stdout);
	if (block === null) return undefined;
	try {
		return JSON.parse(block[0]);
	} catch {
		return undefined;
	}
}

/**
 * Runs an imported workflow; resolves with the parsed run (status, runData, error) and the raw
 * output. Throws when n8n printed no readable run, so a test can never pass on a missing result.
 */
async function executeWorkflow(n8nHome, workflowId) {
	let stdout = '';
	let stderr = '';
	let exitCode = 0;
	try {
		({ stdout, stderr } = await n8n(n8nHome, ['execute', `--id=${workflowId}`, '--rawOutput']));
	} catch (error) {
		stdout = error.stdout ?? '';
		stderr = error.stderr ?? '';
		exitCode = typeof error.code === 'number' ? error.code : 1;
	}
	const result = parseRun(stdout);
	if (result === undefined) {
		throw new Error(
			`${runtimes.label(RUNTIME)}: n8n execute --id=${workflowId} printed no readable run (exit code ${exitCode}).\nstdout (end): ${stdout.slice(-3000)}\nstderr (end): ${stderr.slice(-3000)}`,
		);
	}
	return { exitCode, stdout, stderr, result };
}

/** Output items (json + pairedItem) of a node in a parsed run; [] when it produced none. */
function nodeOutput(result, nodeName, outputIndex = 0) {
	const runs = result?.data?.resultData?.runData?.[nodeName];
	if (!runs || runs.length === 0) return [];
	return runs[runs.length - 1]?.data?.main?.[outputIndex] ?? [];
}

function nodeError(result, nodeName) {
	const runs = result?.data?.resultData?.runData?.[nodeName];
	return runs?.[runs.length - 1]?.error ?? result?.data?.resultData?.error;
}

function manualTrigger() {
	return {
		parameters: {},
		id: 'node-manual',
		name: 'Manual',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
	};
}

/** Manual → (optional Code node producing input items) → CXone Agent State History. */
/** A manual start and one of our action nodes (the history node unless `nodeType` says another). */
function historyWorkflow({
	id,
	name,
	parameters,
	credentialId,
	inputItems,
	settings,
	nodeType = NODE_TYPE,
}) {
	const nodes = [manualTrigger()];
	const connections = {};
	let upstream = 'Manual';
	if (inputItems) {
		nodes.push({
			parameters: { jsCode: `return ${JSON.stringify(inputItems.map((json) => ({ json })))};` },
			id: 'node-input',
			name: 'Input',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
		});
		connections.Manual = { main: [[{ node: 'Input', type: 'main', index: 0 }]] };
		upstream = 'Input';
	}
	nodes.push({
		parameters,
		id: 'node-cxone',
		name: 'CXone',
		type: nodeType,
		typeVersion: 1,
		position: [400, 0],
		credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: `CXone ${credentialId}` } },
		...(parameters.__continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	});
	delete parameters.__continueOnFail;
	connections[upstream] = { main: [[{ node: 'CXone', type: 'main', index: 0 }]] };
	return {
		id,
		name: name ?? id,
		active: false,
		settings: { timezone: 'UTC', ...(settings ?? {}) },
		nodes,
		connections,
	};
}

// Where an example would reach Slack, Sheets or mail, the e2e run puts a NoOp of the same name.
const STAND_IN_TYPES = new Set([
	'n8n-nodes-base.slack',
	'n8n-nodes-base.googleSheets',
	'n8n-nodes-base.emailSend',
]);

/** Loads an example workflow for a local run: manual start, NoOps for outside services, our credential. */
function adaptExample(file, { credentialId }) {
	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		} else if (STAND_IN_TYPES.has(node.type)) {
			Object.assign(node, { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });
			delete node.credentials;
		} else if (node.type === NODE_TYPE || node.type === CXONE_TYPE) {
			node.credentials = { [CREDENTIAL_TYPE]: { id: credentialId, name: `CXone ${credentialId}` } };
		}
	}
	return workflow;
}

module.exports = {
	ROOT,
	E2E_DIR,
	RUNTIME,
	RUNTIME_LABEL: runtimes.label(RUNTIME),
	NODE_TYPE,
	TRIGGER_TYPE,
	CXONE_TYPE,
	CREDENTIAL_TYPE,
	ensureRuntime,
	packPackage,
	createN8nHome,
	n8n,
	importCredential,
	importWorkflow,
	exportCredentials,
	executeWorkflow,
	nodeOutput,
	nodeError,
	historyWorkflow,
	adaptExample,
};

// For server.js (a long-running `n8n start`): the env every n8n call gets, a free port.
module.exports.n8nEnv = n8nEnv;
module.exports.freePort = freePort;
