// Copies node and credential icons next to the compiled JS; tsc does not copy assets.
const { src, dest, parallel } = require('gulp');

// encoding: false keeps binary icons (PNG) byte-identical under gulp 5.
function nodeIcons() {
	return src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
}

function credentialIcons() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
