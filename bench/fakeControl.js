'use strict';
// Talking to the fake CXone from a workload process: its control API (request log, record counts)
// and a token for the floor and the normalization workload.

const http = require('http');

const { getJson } = require('./floor');
const { FIRST_AGENT } = require('./workloads');

/** GET (parsed JSON) or POST (no body) to the fake's /__control/ API. */
async function control(baseUrl, method, route) {
	if (method === 'GET') return await getJson(`${baseUrl}/__control/${route}`, 'control');
	await new Promise((resolve, reject) => {
		const req = http.request(`${baseUrl}/__control/${route}`, { method, agent: false }, (res) => {
			res.resume();
			res.on('end', resolve);
		});
		req.on('error', reject);
		req.end();
	});
	return undefined;
}

/** What the fake says the window holds (the node must return exactly this many records). */
async function expectedRecords(baseUrl, q) {
	const range = `startMs=${q.startMs}&endMs=${q.endMs}`;
	if (q.agents === 'all') return (await control(baseUrl, 'GET', `count?all=true&${range}`)).count;
	let total = 0;
	for (let i = 0; i < q.agents; i++) {
		total += (await control(baseUrl, 'GET', `count?agentId=${FIRST_AGENT + i}&${range}`)).count;
	}
	return total;
}

/** A token from the fake's token endpoint (password grant with the access key). */
async function fetchToken(server) {
	const c = server.credentials;
	const body = new URLSearchParams({
		grant_type: 'password',
		username: c.accessKeyId,
		password: c.accessKeySecret,
	}).toString();
	const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
	return await new Promise((resolve, reject) => {
		const req = http.request(
			`${server.url}/auth/token`,
			{
				method: 'POST',
				agent: false,
				headers: {
					Authorization: `Basic ${basic}`,
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (d) => chunks.push(d));
				res.on('end', () => {
					try {
						resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).access_token);
					} catch (err) {
						reject(err);
					}
				});
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

module.exports = { control, expectedRecords, fetchToken };
