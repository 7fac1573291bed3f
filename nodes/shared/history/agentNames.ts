// Agent names for both nodes: the agent list is read at most once per instance, and only when a
// record needs a name. A failed read is forgotten, so a later call (the next input item) tries again.

import type { CxoneFunctions, RequestOptions } from '../api';
import type { CredentialSettings } from '../flavors';
import type { StateRecord } from '../records/stateRecord';
import type { AgentDirectory } from './agentDirectory';
import { applyAgentNames, loadAgentDirectory } from './agentDirectory';

export class AgentNames {
	private directory?: Promise<AgentDirectory>;

	constructor(
		private readonly ctx: CxoneFunctions,
		private readonly credential: CredentialSettings,
	) {}

	/** Adds agent and team names to `records`; returns the warning when the list was incomplete. */
	async apply(records: StateRecord[], transport: RequestOptions): Promise<string | undefined> {
		// A flavor without the directory (Reporting API v2) sends names with its records.
		if (!this.credential.flavor.directory || records.length === 0) return undefined;
		this.directory ??= loadAgentDirectory
			.call(this.ctx, this.credential.apiVersion, transport)
			.catch((error: unknown) => {
				this.directory = undefined;
				throw error;
			});
		const directory = await this.directory;
		applyAgentNames(records, directory);
		return directory.ok ? undefined : directory.warning;
	}
}
