// GraphQL Code Generator for a frontend of the campus safety platform: typed operations from the public API.
//   npm run frontend:codegen   (in this repository; in your own project: npx graphql-codegen --config codegen.ts)
// Copy this folder into your project and point `schema` at your copy of apps/gateway/api-schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../apps/gateway/api-schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      // persisted-documents.json beside the code, each operation under the SHA-256 of its text: what
      // `npm run trusted-documents:register` registers for a production gateway (trusted documents).
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        // The platform's custom scalars, as they travel in JSON.
        scalars: { CalendarDate: 'string', DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
