// The ESLint leg of n8n's community-package scanner (@n8n/scan-community-package, not installed
// here), rebuilt from what @n8n/node-cli installs: the community-nodes `recommended` config plus
// `no-console`, eslint-plugin-n8n-nodes-base's community/credentials/nodes rule sets with the
// scanner's own off-switches, inline `eslint-disable` comments ignored, no project config file.
//
//   node test/packaging/scannerLint.mjs tarball <unpacked package dir>   (dist JS + package.json)
//   node test/packaging/scannerLint.mjs source [<repo dir>]              (nodes/, credentials/, package.json)
//   add --json for machine-readable results. Exit code 1 when any error is reported.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// eslint-plugin-n8n-nodes-base switches its filename and package.json checks to fixtures under
// NODE_ENV=test (which jest sets for its children): lint as a real scan would.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The plugins and the ESLint they were built for live in @n8n/node-cli's own node_modules.
const fromNodeCli = createRequire(
	path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'package.json'),
);

/** File sets of the scanner's two legs: the provenance-attested source and the shipped tarball. */
export const TARGETS = {
	tarball: ['**/*.js', 'package.json'],
	source: ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'],
};

export async function buildScanConfig() {
	const { n8nCommunityNodesPlugin } = await import(
		pathToFileURL(fromNodeCli.resolve('@n8n/eslint-plugin-community-nodes')).href
	);
	const n8nNodesPlugin = fromNodeCli('eslint-plugin-n8n-nodes-base');
	const parser = fromNodeCli('@typescript-eslint/parser');
	return [
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
		{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser } },
		{ files: ['**/*.ts'], languageOptions: { parser } },
	];
}

/** Lints `patterns` under `dir` the way the scanner does; resolves with ESLint's results. */
export async function scanLint(dir, patterns) {
	const { ESLint } = fromNodeCli('eslint');
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
		errorOnUnmatchedPattern: false,
	});
	const results = await eslint.lintFiles(patterns);
	return results.map((r) => ({
		file: path.relative(dir, r.filePath),
		errorCount: r.errorCount,
		warningCount: r.warningCount,
		messages: r.messages.map((m) => ({
			rule: m.ruleId,
			severity: m.severity === 2 ? 'error' : 'warning',
			line: m.line,
			message: m.message,
		})),
	}));
}

async function main(argv) {
	const json = argv.includes('--json');
	const [target, dirArg] = argv.filter((a) => a !== '--json');
	if (!TARGETS[target] || (target === 'tarball' && !dirArg)) {
		process.stderr.write(
			'usage: scannerLint.mjs tarball <unpacked dir> | source [<repo dir>] [--json]\n',
		);
		return 2;
	}
	const results = await scanLint(path.resolve(dirArg ?? ROOT), TARGETS[target]);
	if (json) {
		process.stdout.write(JSON.stringify(results));
	} else {
		for (const r of results) {
			for (const m of r.messages) {
				process.stdout.write(`${r.file}:${m.line} ${m.severity} ${m.rule} ${m.message}\n`);
			}
		}
		const errors = results.reduce((n, r) => n + r.errorCount, 0);
		const warnings = results.reduce((n, r) => n + r.warningCount, 0);
		process.stdout.write(
			`${target}: ${results.length} files, ${errors} errors, ${warnings} warnings\n`,
		);
	}
	return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
