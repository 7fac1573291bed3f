// The credential data of an access-key CXone credential pointed at a running fake CXone, with
// nothing discovered or stored yet: the node's first request discovers the URLs and fetches a
// token, as after saving a new credential in n8n.
import type { FakeCxone } from '../fake-cxone';

export function fakeCxoneCredentials(fake: FakeCxone): Record<string, unknown> {
	return {
		grantType: 'accessKey',
		...fake.credentials,
		tokenUrl: '',
		apiBaseUrl: '',
		resolvedBaseUrl: '',
		accessToken: '',
	};
}
