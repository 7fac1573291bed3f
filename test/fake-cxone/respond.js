'use strict';
// Response values handlers return; server.js writes them (and may damage them for faults).

function json(status, value, headers) {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(value),
	};
}

function text(status, body, headers) {
	return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body };
}

function empty(status, headers) {
	return { status, headers: { ...headers }, body: undefined };
}

/** A CXone-style error: empty body, the message only in the icStatusDescription header. */
function icError(status, description) {
	return empty(status, { icStatusDescription: String(description).replace(/[^\x20-\x7e]/g, '?') });
}

function notFound() {
	return json(404, { error: 'Not found' });
}

module.exports = { json, text, empty, icError, notFound };
