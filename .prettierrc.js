module.exports = {
	useTabs: true,
	tabWidth: 2,
	singleQuote: true,
	trailingComma: 'all',
	printWidth: 100,
	semi: true,
	endOfLine: 'lf',
	arrowParens: 'always',
	bracketSpacing: true,
};
