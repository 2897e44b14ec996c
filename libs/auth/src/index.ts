export * from './roles';
export * from './viewer';
export * from './tokens';
export * from './passwords';
export * from './revocations';
