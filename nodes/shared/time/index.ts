// The time module's public surface: windows, chunks, zone formatting and UTC ISO helpers.

export * from './iso';
export * from './window';
export * from './zone';
