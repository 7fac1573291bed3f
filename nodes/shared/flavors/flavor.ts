// What differs between the two APIs a credential can speak, as one object chosen once from the
// credential (flavors/credentialSettings.ts): the state-history endpoint and its paging, the field table, the
// rule that ends a state, the state tables, and what else the API offers. Nothing outside
// flavors/ compares a flavor's name.

import type { PageQuery } from '../api';
import type { ValidRecord } from '../records/fields';
import type { StateCategory } from '../records/stateRecord';
import type { RecordValidator } from '../records/validate';
import type { ApiFlavor, TimeWindow } from '../types';

/** Where a state ends and whether it is still open (see each flavor's `end`). */
export interface StateEnd {
	endMs: number;
	/** The end the API reported, before an open state is cut at the read instant. */
	reportedEndMs: number;
	isOpen: boolean;
}

/** State ids → names and categories. */
export interface StateTables {
	readonly names: Readonly<Record<number, string>>;
	readonly categories: Readonly<Record<number, StateCategory>>;
}

export interface StateHistoryRequest {
	apiVersion: string;
	/** One agent, or 'all' where the flavor has an all-agents query. */
	agentId: string;
	window: TimeWindow;
	/** The zone a flavor renders times in, where it asks for one. */
	timeZone: string;
}

export interface Flavor {
	/** The credential's value, for storing and tests; never compared outside flavors/. */
	readonly id: ApiFlavor;
	/** How messages name the API. */
	readonly label: string;
	readonly records: RecordValidator<ValidRecord>;
	/** The raw fields that identify a record in an error message: agent, start, index. */
	readonly identityFields: readonly string[];
	/** The raw field an impossible end is blamed on. */
	readonly endField: string;
	readonly states: StateTables;
	/**
	 * Where a record ends. `readAtMs` and `readSinceMs` are when the answer holding it was read
	 * (FetchedPage in api/paging/pageReader.ts); `knownEndMs` is the start of the next state of its
	 * session (or agent), when the run has one and the flavor ends open-looking states there
	 * (`endsAtNextState`). Positional: it runs once per record.
	 */
	end(
		r: ValidRecord,
		readAtMs: number | undefined,
		readSinceMs: number | undefined,
		knownEndMs: number | undefined,
	): StateEnd;
	/** Whether a record that reads as open has ended where a later state of its agent starts. */
	readonly endsAtNextState: boolean;
	/** Whether one query can read every agent's states. */
	readonly allAgents: boolean;
	/** Whether agent ids are numbers (CXone) or any text. */
	readonly numericAgentIds: boolean;
	/** Whether the API has CXone's directory: agents, teams, codes, current states, performance. */
	readonly directory: boolean;
	/** The first page of one state-history query. */
	stateHistory(request: StateHistoryRequest): PageQuery;
}

/** An open state runs until the read instant; clock skew must not give a negative duration. */
export function openEndMs(startMs: number, readAtMs: number | undefined): number {
	return Math.max(startMs, readAtMs ?? Date.now());
}
