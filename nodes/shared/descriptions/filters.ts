import type { INodeProperties } from 'n8n-workflow';

// The Filters collection of a node or an operation: one shape, its options the caller's.

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export function filtersCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options,
	};
}
