// Three kinds of test, one transform: swc with decorator metadata (type-graphql and TypeORM need it).
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const moduleNameMapper = {
  '^@campus/platform$': '<rootDir>/tools/platform/index.ts',
  '^@campus/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname, setupFiles: ['reflect-metadata'] };
const roots = ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/examples'];

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'integration', roots, testMatch: ['**/*.integration-spec.ts'], setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-30s.js'] },
    {
      ...common,
      displayName: 'e2e',
      roots,
      testMatch: ['**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-120s.js'],
      globalSetup: '<rootDir>/tools/jest/e2e-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/e2e-global-teardown.js',
    },
  ],
};
