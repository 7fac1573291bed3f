import nock from 'nock';

// nock patches Node's http module for the whole jest worker; restore it after each test file so
// interceptors and the patch itself never leak into the next file run by the same worker.
afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
