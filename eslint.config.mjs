// @ts-check
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    '**/.data/**',
    '**/.nx/**',
    '**/tmp/**',
    '**/coverage/**',
    'examples/frontend/src/gql/**',
    '**/*.js',
    '**/*.cjs',
    '**/*.mjs',
  ]),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // tools must not import apps
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
            // benchmarks drive the platform runner
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      // TypeORM entity lists are typed with `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Scope, role and version are decided by the module kit (ScopedAccess, transition tables), never by hand.
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='covers']", message: 'Scope checks belong to the kit: use the aggregate access (ScopedAccess).' },
        { selector: "CallExpression[callee.property.name='hasRoleAt']", message: 'Role checks belong to the kit: declare the action in the policy and ask its ScopedAccess.' },
        { selector: "MemberExpression[property.name='scopePaths']", message: 'List scope comes from ScopedAccess.where().' },
        { selector: "CallExpression[callee.name='orgScopeCondition']", message: 'List scope comes from ScopedAccess.where().' },
        { selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression.left[property.name='version']", message: 'Version checks belong to the kit: ScopedAccess.lock() or checkVersion().' },
      ],
    },
  },
  {
    // Tests and their helpers read loosely typed GraphQL responses.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'libs/testing/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
