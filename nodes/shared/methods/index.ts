// The methods object every CXone node declares: the credential test and the pickers.

import { cxoneOAuth2ApiTest } from '../auth/credentialTest';
import {
	getAgents,
	getReasons,
	getTeams,
	getTeamsOrBusinessUnit,
	getTimezones,
	searchAgents,
} from './loaders';

export const cxoneNodeMethods = {
	credentialTest: { cxoneOAuth2ApiTest },
	loadOptions: { getAgents, getReasons, getTeams, getTeamsOrBusinessUnit, getTimezones },
	listSearch: { searchAgents },
};
