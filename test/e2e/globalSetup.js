// Once per e2e run: make sure real n8n is installed and pack the built package (npm test builds first).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ensureRuntime, packPackage, ROOT, E2E_DIR } = require('./harness');

module.exports = async () => {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before the e2e suite.');
	}
	await ensureRuntime((line) => process.stdout.write(`${line}\n`));
	const tarball = await packPackage(path.join(E2E_DIR, '.tmp'));
	process.env.CXONE_E2E_TARBALL = tarball;
};
