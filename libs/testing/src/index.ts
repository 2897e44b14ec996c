export * from './graphql-client';
export * from './database';
export * from './operations';
export * from './org-directory';
export * from './eventually';
export * from './statement-counter';
