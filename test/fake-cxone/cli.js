#!/usr/bin/env node
'use strict';
// Standalone fake CXone for trying the node in real n8n:
//   node test/fake-cxone/cli.js --port 8910 [--agents N] [--seed S] [--now ISO|real]
// Prints the values to paste into the n8n credential and runs until SIGINT/SIGTERM.

const { createFakeCxone } = require('./index');

const USAGE = `Usage: node test/fake-cxone/cli.js [--port 8910] [--agents 10] [--teams 3] [--seed 42]
       [--now ISO|real] [--states-per-shift 40] [--latency-ms 0] [--page-size 100]
       [--max-page-size 10000] [--no-next-links] [--no-client-credentials] [--agents-forbidden]
       [--v2-token-location top|pagination] [--token-ttl 3600]
       [--open-state elapsed|absent|null|empty] [--teams-forbidden]
       [--unavailable-codes-forbidden] [--agent-states-forbidden]
       [--unavailable-codes-shape default|resultSet] [--current-state-casing camel|pascal]
       [--current-state-numbers-as-strings] [--performance-casing camel|pascal]
       [--time-shift-ms 0] [--every-day] [--shift-start-local America/New_York@8]`;

function parseArgs(argv) {
	const out = { port: 8910, options: {} };
	const o = out.options;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		switch (arg) {
			case '--port':
				out.port = Number(value());
				break;
			case '--agents':
				o.agents = Number(value());
				break;
			case '--teams':
				o.teams = Number(value());
				break;
			case '--seed':
				o.seed = Number(value());
				break;
			case '--now':
				o.now = value();
				break;
			case '--states-per-shift':
				o.statesPerShift = Number(value());
				break;
			case '--latency-ms':
				o.latencyMs = Number(value());
				break;
			case '--page-size':
				o.defaultPageSize = Number(value());
				break;
			case '--max-page-size':
				o.maxPageSize = Number(value());
				break;
			case '--token-ttl':
				o.tokenTtlSeconds = Number(value());
				break;
			case '--v2-token-location':
				o.v2TokenLocation = value();
				break;
			case '--open-state':
				o.openState = value();
				break;
			case '--no-next-links':
				o.nextLinks = false;
				break;
			case '--no-client-credentials':
				o.allowClientCredentials = false;
				break;
			case '--agents-forbidden':
				o.agentsForbidden = true;
				break;
			case '--teams-forbidden':
				o.teamsForbidden = true;
				break;
			case '--unavailable-codes-forbidden':
				o.unavailableCodesForbidden = true;
				break;
			case '--agent-states-forbidden':
				o.agentStatesForbidden = true;
				break;
			case '--unavailable-codes-shape':
				o.unavailableCodesShape = value();
				break;
			case '--current-state-casing':
				o.currentStateCasing = value();
				break;
			case '--current-state-numbers-as-strings':
				o.currentStateNumbersAsStrings = true;
				break;
			case '--performance-casing':
				o.performanceCasing = value();
				break;
			case '--time-shift-ms':
				o.timeShiftMs = Number(value());
				break;
			case '--every-day':
				o.everyDay = true;
				break;
			case '--shift-start-local': {
				const m = /^(.+)@(\d+(?:\.\d+)?)$/.exec(value());
				if (!m) throw new Error(`${arg} takes ZONE@HOUR, e.g. America/New_York@8`);
				o.shiftStartLocal = { zone: m[1], hour: Number(m[2]) };
				break;
			}
			case '--help':
			case '-h':
				out.help = true;
				break;
			default:
				throw new Error(`Unknown argument ${arg}`);
		}
	}
	return out;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (err) {
		console.error(`${err.message}\n${USAGE}`);
		process.exit(2);
	}
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const fake = createFakeCxone(args.options);
	const { url } = await fake.start(args.port);
	const c = fake.credentials;
	const grants = fake.options.allowClientCredentials
		? 'Access Key (password grant) and Client Credentials'
		: 'Access Key (password grant) only';
	console.log(`Fake CXone listening on ${url}
  clock: ${new Date(fake.nowMs).toISOString()}${args.options.now === 'real' ? ' (real time)' : ' (fixed)'}
  current states: ${fake.openState} (--open-state elapsed|absent|null|empty)
  agents: ${fake.agents.length} (ids ${fake.agents[0] ? fake.agents[0].agentId : '-'}…), seed ${fake.options.seed}

n8n credential "NICE CXone OAuth2 API":
  Issuer URL:         ${c.issuerUrl}
  Client ID:          ${c.clientId}
  Client Secret:      ${c.clientSecret}
  Access Key ID:      ${c.accessKeyId}
  Access Key Secret:  ${c.accessKeySecret}
  Grant types:        ${grants}
  Client auth:        Basic header or form body
  Token URL / API base URL: leave empty to discover (${c.tokenUrl}, ${c.apiBaseUrl})

Control API: ${url}/__control/state  (log, faults, now, open-state, options, count, records,
  performance, teams, unavailable-codes, agent-items, current-states)
Ctrl+C to stop.`);
	const shutdown = () => {
		fake.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
