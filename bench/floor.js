'use strict';
// The floors: the same pages the node fetched and nothing else (no validation, no normalization,
// no output), all pages known in advance and fetched with the node's concurrency. The raw floor
// uses plain Node http and JSON.parse; the n8n-helper floor (child.js) n8n-core's
// httpRequestWithAuthentication with the real credential, which the node must use.

const http = require('http');

/**
 * GET url with the bearer token; resolves to the parsed JSON body (null for 204). Without an agent
 * the connection is closed afterwards (no idle keep-alive socket for the server to drop).
 */
function getJson(url, token, agent = false) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			url,
			{ agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					if (res.statusCode === 204) return resolve(null);
					if (res.statusCode !== 200) {
						return reject(new Error(`floor: HTTP ${res.statusCode} for ${url}`));
					}
					try {
						resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
					} catch (err) {
						reject(err);
					}
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
	});
}

/**
 * Groups logged API requests into queries (path + query without skip/top), pages ordered by skip,
 * so the floors request exactly what the node requested: `url` absolute, `path` relative.
 */
function queriesFromLog(log, baseUrl) {
	const groups = new Map();
	for (const entry of log) {
		if (entry.method !== 'GET' || entry.status !== 200) continue;
		if (!/^\/incontactapi\//i.test(entry.path)) continue;
		const rest = { ...entry.query };
		delete rest.skip;
		delete rest.top;
		const key = `${entry.path}?${new URLSearchParams(rest).toString()}`;
		let list = groups.get(key);
		if (!list) groups.set(key, (list = []));
		const path = `${entry.path}?${new URLSearchParams(entry.query).toString()}`;
		list.push({ skip: Number(entry.query.skip || 0), url: `${baseUrl}${path}`, path });
	}
	return [...groups.values()].map((pages) => pages.sort((a, b) => a.skip - b.skip));
}

/**
 * Fetches every page of every query with `concurrency` requests at a time, `fetchPage(page)`
 * resolving to the parsed body (null for 204); returns the counts.
 */
async function runFloor(queries, fetchPage, concurrency) {
	const pagesToFetch = queries.flat();
	let next = 0;
	let pages = 0;
	let records = 0;
	const worker = async () => {
		while (next < pagesToFetch.length) {
			const body = await fetchPage(pagesToFetch[next++]);
			pages++;
			if (body === null || body === undefined) continue;
			const list = body.agentStateHistory || body.agents || [];
			records += list.length;
		}
	};
	const n = Math.max(1, Math.min(concurrency, pagesToFetch.length));
	await Promise.all(Array.from({ length: n }, worker));
	return { pages, records };
}

/** The raw floor: plain http.get on keep-alive connections and JSON.parse. */
async function runRawFloor(queries, token, concurrency) {
	const agent = new http.Agent({ keepAlive: true });
	try {
		return await runFloor(
			queries,
			async (page) => await getJson(page.url, token, agent),
			concurrency,
		);
	} finally {
		agent.destroy();
	}
}

/** Every page of one query, following `_links.next` (used to load raw records for normalization). */
async function fetchAllPages(firstUrl, token) {
	const agent = new http.Agent({ keepAlive: true });
	const pages = [];
	let url = firstUrl;
	while (url) {
		const body = await getJson(url, token, agent);
		if (body === null) break;
		pages.push(body);
		url = body._links && body._links.next;
	}
	agent.destroy();
	return pages;
}

module.exports = { getJson, queriesFromLog, runFloor, runRawFloor, fetchAllPages };
