/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test harness: packs the package, runs tar and the scanner ESLint in child processes */
// What `npm pack` would publish: only dist/, README, LICENSE and package.json; every file the n8n
// section names is inside; no tests, fixtures, secrets, source maps or TypeScript sources. Then the
// ESLint leg of n8n's community-package scanner (scannerLint.mjs) on the tarball's JS and on the
// sources. Needs a build (`npm run build`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CREDENTIALS } from '../fake-cxone';

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNER = path.join(__dirname, 'scannerLint.mjs');
const TIMEOUT_MS = 120000;

const ALWAYS_SHIPPED = ['package.json', 'README.md', 'LICENSE'];
// Compiled JS, its declarations, node codex JSON and icons.
const DIST_FILE = /^dist\/.+\.(js|d\.ts|svg|png)$|^dist\/.+\.node\.json$/;
const FORBIDDEN_SEGMENT =
	/(^|\/)(test|tests|__tests__|__mocks__|fixtures?|fake-cxone|e2e|examples|bench|coverage|docs|src|node_modules)(\/|$)/i;
const SECRET_FILE = /(^|\/)(\.env[^/]*|\.npmrc|[^/]*\.(pem|key|p12|pfx|crt)|[^/]*secrets?[^/]*)$/i;

interface PackageJson {
	name: string;
	version: string;
	main?: string;
	n8n: { nodes: string[]; credentials: string[] };
}

interface LintResult {
	file: string;
	errorCount: number;
	warningCount: number;
	messages: Array<{ rule: string | null; severity: string; line: number; message: string }>;
}

let workDir: string;
let unpacked: string;
let files: string[];
let packed: PackageJson;

beforeAll(() => {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before the packaging tests.');
	}
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxone-pack-'));
	const tarballName = execFileSync('npm', ['pack', '--pack-destination', workDir, '--silent'], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop() as string;
	const tarball = path.join(workDir, tarballName);
	// The tarball itself, not npm's dry-run idea of it.
	files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter((line) => line !== '' && !line.endsWith('/'))
		.map((line) => line.replace(/^package\//, ''))
		.sort();
	unpacked = path.join(workDir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	packed = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as PackageJson;
}, TIMEOUT_MS);

afterAll(() => {
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('npm pack contents', () => {
	test('only dist/, README.md, LICENSE and package.json', () => {
		const outside = files.filter((f) => !f.startsWith('dist/') && !ALWAYS_SHIPPED.includes(f));
		expect(outside).toEqual([]);
		for (const required of ALWAYS_SHIPPED) expect(files).toContain(required);
		expect(files.filter((f) => f.startsWith('dist/')).length).toBeGreaterThan(10);
	});

	test('dist/ holds compiled JS, declarations, node codex JSON and icons only', () => {
		const unexpected = files.filter((f) => f.startsWith('dist/') && !DIST_FILE.test(f));
		expect(unexpected).toEqual([]);
		expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
		expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
		expect(files).not.toContain('dist/package.json');
		expect(files.filter((f) => f.endsWith('.tsbuildinfo'))).toEqual([]);
	});

	test('no tests, fixtures, examples or secret files', () => {
		expect(files.filter((f) => FORBIDDEN_SEGMENT.test(f))).toEqual([]);
		expect(files.filter((f) => /\.(test|spec)\.[cm]?[jt]s$/.test(f))).toEqual([]);
		expect(files.filter((f) => SECRET_FILE.test(f))).toEqual([]);
	});

	test('no file carries the fake server secrets or a private key', () => {
		const secrets = [CREDENTIALS.clientSecret, CREDENTIALS.accessKeySecret];
		const leaks: string[] = [];
		for (const file of files) {
			const text = fs.readFileSync(path.join(unpacked, file), 'utf8');
			if (secrets.some((s) => text.includes(s))) leaks.push(file);
			if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) leaks.push(file);
		}
		expect(leaks).toEqual([]);
	});

	/** The `file:` icons in a packed module and the package modules it requires, transitively. */
	function iconsDeclaredBy(entry: string): string[] {
		const icons: string[] = [];
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			const js = fs.readFileSync(path.join(unpacked, file), 'utf8');
			for (const m of js.matchAll(/file:([\w.-]+\.(?:svg|png))/g)) icons.push(m[1]);
			for (const m of js.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
				const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
				const js2 = target.endsWith('.js') ? target : `${target}.js`;
				if (files.includes(js2)) visit(js2);
			}
		};
		visit(entry);
		return icons;
	}

	test('every path of the n8n section is in the tarball, with the icons its class names', () => {
		const registered = [...packed.n8n.nodes, ...packed.n8n.credentials];
		expect(packed.n8n.nodes.length).toBeGreaterThan(0);
		expect(packed.n8n.credentials.length).toBeGreaterThan(0);
		for (const entry of registered) {
			expect(files).toContain(entry);
			// n8n resolves a class's `file:` icons next to the class's own file, also when the
			// icon is declared in a module it imports (nodes/shared/descriptions/node.ts).
			const icons = iconsDeclaredBy(entry);
			expect(icons.length).toBeGreaterThan(0);
			for (const icon of icons)
				expect(files).toContain(path.posix.join(path.posix.dirname(entry), icon));
		}
		if (packed.main !== undefined) expect(files).toContain(path.posix.normalize(packed.main));
	});

	test('the packed package.json is the repository one', () => {
		const repo = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
		) as PackageJson;
		expect(packed).toEqual(repo);
	});
});

/** Runs scannerLint.mjs; it exits 1 when it reports errors, with the JSON still on stdout. */
function runScanner(target: 'tarball' | 'source', dir: string): LintResult[] {
	let out: string;
	try {
		out = execFileSync(process.execPath, [SCANNER, target, dir, '--json'], {
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
	} catch (error) {
		const stdout = (error as { stdout?: string }).stdout;
		if (!stdout) throw error;
		out = stdout;
	}
	return JSON.parse(out) as LintResult[];
}

function problems(results: LintResult[]): string[] {
	return results.flatMap((r) =>
		r.messages.map((m) => `${r.file}:${m.line} ${m.severity} ${m.rule} ${m.message}`),
	);
}

describe("n8n scanner's ESLint rules (inline disables ignored)", () => {
	test(
		'the tarball: dist JS and package.json are clean',
		() => {
			const results = runScanner('tarball', unpacked);
			const linted = results.map((r) => r.file);
			expect(linted).toContain('package.json');
			for (const entry of [...packed.n8n.nodes, ...packed.n8n.credentials]) {
				expect(linted).toContain(entry);
			}
			expect(linted.length).toBe(files.filter((f) => f.endsWith('.js')).length + 1);
			expect(problems(results)).toEqual([]);
		},
		TIMEOUT_MS,
	);

	test(
		'the sources: nodes/, credentials/ and package.json are clean',
		() => {
			const results = runScanner('source', ROOT);
			const linted = results.map((r) => r.file);
			expect(linted).toContain('package.json');
			expect(linted.some((f) => f.startsWith('nodes/') && f.endsWith('.ts'))).toBe(true);
			expect(linted.some((f) => f.startsWith('credentials/') && f.endsWith('.ts'))).toBe(true);
			expect(problems(results)).toEqual([]);
		},
		TIMEOUT_MS,
	);
});
