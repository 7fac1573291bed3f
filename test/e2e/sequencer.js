// Runs the trigger suites first: they wait for n8n's poll schedule (a minute per poll on current
// n8n) and each keeps one worker for minutes, so starting them together with the short suites
// after them keeps the e2e run about as long as the longest trigger suite.
'use strict';

const Sequencer = require('@jest/test-sequencer').default;

const waitsForPolls = (test) => /trigger/i.test(test.path);

class TriggersFirst extends Sequencer {
	sort(tests) {
		return [...tests].sort(
			(a, b) => Number(waitsForPolls(b)) - Number(waitsForPolls(a)) || a.path.localeCompare(b.path),
		);
	}
}

module.exports = TriggersFirst;
