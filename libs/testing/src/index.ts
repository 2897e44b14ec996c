export * from './graphql-client';
