// `npm run demo`: the main job. Starts the fake CXone server, runs the "daily timecard" example
// workflow in real n8n (the current runtime when installed, else the floor; the node installed as
// a community package), and prints yesterday's
// states and the per-agent break summary, then today's current states. No CXone account needed.
//   npm run demo -- --open-state absent|null|empty|elapsed   how the fake sends current states
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { DateTime } = require('luxon');
const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const ZONE = 'America/New_York';
const AGENTS = 4;
/** Local hour the agents' shifts start from (up to 3.5 h later): all of a shift is in the day. */
const SHIFT_HOUR = 8;
const CXONE = 'CXone Agent State History';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** `--open-state X`: how the fake sends each agent's current state (default: no duration key). */
function openStateArg(argv) {
	const i = argv.indexOf('--open-state');
	return i >= 0 && argv[i + 1] ? argv[i + 1] : 'absent';
}

function table(headers, rows) {
	const widths = headers.map((head, i) =>
		Math.max(head.length, ...rows.map((r) => String(r[i]).length)),
	);
	const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
	say(line(headers));
	say(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows) say(line(r));
}

const hm = (iso) =>
	iso ? DateTime.fromISO(iso, { setZone: true }).toFormat('MM-dd HH:mm:ss') : 'open';
const minutes = (s) => `${(s / 60).toFixed(1)}m`;
const hours = (s) => `${(s / 3600).toFixed(2)}h`;

/**
 * The fake with every agent at work every day, each shift inside a local day of ZONE, so any day
 * the demo runs "yesterday" is a full working day for all (by default the fake gives weekends and
 * random days off, and starts shifts at any UTC hour).
 */
function demoFake(nowMs, openState) {
	return createFakeCxone({
		agents: AGENTS,
		now: nowMs,
		openState,
		everyDay: true,
		shiftStartLocal: { zone: ZONE, hour: SHIFT_HOUR },
	});
}

/** Today so far for every agent; the states still running are who is doing what right now. */
async function printCurrentStates(home, fake) {
	const workflow = h.historyWorkflow({
		id: 'cxoneDemoToday01',
		credentialId: 'cxoneDemoCred001',
		parameters: {
			agentSelection: 'all',
			timeRange: 'today',
			timezone: ZONE,
			splitIntoItems: true,
			options: { thresholdMinutes: 15, thresholdLabels: 'Break' },
		},
	});
	await h.importWorkflow(home, workflow);
	const run = await h.executeWorkflow(home, workflow.id);
	const error = run.result?.data?.resultData?.error;
	if (run.exitCode !== 0 || error || !run.result) {
		throw new Error(`n8n run of "Today" failed: ${error?.message ?? `exit code ${run.exitCode}`}`);
	}
	const states = h.nodeOutput(run.result, 'CXone').filter((i) => i.json.recordId);
	const open = states.filter((i) => i.json.isOpen);
	say();
	say(
		`Right now (Today in ${ZONE}, ${states.length} states so far): each agent's current state, still running`,
	);
	say();
	table(
		['Agent', 'State', 'Since', 'For', 'Flag'],
		open.map(({ json: s }) => [
			s.agentName ?? s.agentId,
			s.label,
			hm(s.startTime),
			s.durationFormatted,
			s.overThreshold ? 'over 15m' : '',
		]),
	);
}

async function main() {
	if (!fs.existsSync(path.join(h.ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` first (npm run demo does).');
	}
	await h.ensureRuntime(say);
	const fake = demoFake(Date.now(), openStateArg(process.argv.slice(2)));
	await fake.start(0);
	try {
		say(
			`Fake CXone server on ${fake.url} (${AGENTS} agents, seeded data; current states sent as "${fake.openState}")`,
		);
		const tarball = await h.packPackage(path.join(h.E2E_DIR, '.tmp'));
		const home = await h.createN8nHome(tarball);
		await h.importCredential(home, { id: 'cxoneDemoCred001', data: fakeCredentialData(fake) });
		const workflow = h.adaptExample('daily-timecard.json', { credentialId: 'cxoneDemoCred001' });
		await h.importWorkflow(home, workflow);
		say(
			`Running examples/daily-timecard.json in ${h.RUNTIME_LABEL} (as installed by npm run demo; current n8n first)...`,
		);
		const run = await h.executeWorkflow(home, workflow.id);
		const error = run.result?.data?.resultData?.error;
		if (run.exitCode !== 0 || error || !run.result) {
			say(run.stdout.slice(0, 4000));
			say(run.stderr.slice(0, 4000));
			throw new Error(`n8n run failed: ${error?.message ?? `exit code ${run.exitCode}`}`);
		}

		const agents = h.nodeOutput(run.result, CXONE).filter((i) => i.json.states);
		const tokenRequests = fake.log.filter((e) => /\/auth\/token$/.test(e.path)).length;
		const apiRequests = fake.log.filter((e) => e.path.startsWith('/inContactAPI')).length;
		say();
		say(
			`Yesterday in ${ZONE}: ${agents.reduce((n, a) => n + a.json.states.length, 0)} states for ${agents.length} agents (${apiRequests} API requests, ${tokenRequests} token request)`,
		);
		say();
		const rows = [];
		for (const a of agents) {
			for (const s of a.json.states) {
				rows.push([
					a.json.agentName ?? a.json.agentId,
					hm(s.startTime),
					hm(s.endTime),
					s.state,
					s.reason ?? '',
					s.durationFormatted,
					s.overThreshold ? 'over 15m' : '',
				]);
			}
		}
		table(['Agent', 'Start', 'End', 'State', 'Reason', 'Duration', 'Flag'], rows);
		say();
		say('Break summary per agent (durations clipped to the day):');
		say();
		table(
			[
				'Agent',
				'Team',
				'Logged in',
				'Available',
				'Working',
				'Breaks',
				'Break time',
				'Longest break',
				'Over 15m',
				'Lunch',
			],
			agents.map((a) => {
				const s = a.json.summary;
				const brk = s.byLabel.Break ?? { seconds: 0, count: 0 };
				return [
					a.json.agentName ?? a.json.agentId,
					a.json.teamName ?? '',
					hours(s.loggedInSeconds),
					hours(s.byCategory.available.seconds),
					hours(s.byCategory.working.seconds),
					brk.count,
					minutes(brk.seconds),
					s.longestByLabel.Break ? minutes(s.longestByLabel.Break.seconds) : '-',
					s.overThresholdCount,
					minutes((s.byLabel.Lunch ?? { seconds: 0 }).seconds),
				];
			}),
		);
		const [html] = h.nodeOutput(run.result, 'HTML Table');
		say();
		say(
			`The workflow's e-mail step would send a ${html?.json?.table?.length ?? 0}-character HTML timecard table.`,
		);
		await printCurrentStates(home, fake);
	} finally {
		await fake.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`Demo failed: ${error.message}\n`);
		process.exit(1);
	},
);
