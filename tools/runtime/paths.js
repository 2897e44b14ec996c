// Lets compiled apps run with plain node: maps `@campus/<lib>` imports to the compiled lib in dist/.
// Usage: node -r ./tools/runtime/paths.js dist/apps/<app>/src/main.js
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

tsConfigPaths.register({
  baseUrl: path.resolve(__dirname, '../../dist'),
  paths: { '@campus/platform': ['tools/platform/index.js'], '@campus/*': ['libs/*/src/index.js'] },
  // Only @campus/*: the implicit "*" rule made every other require (type-graphql requires class-validator on
  // each validated argument) probe dist/ with existsSync first.
  addMatchAll: false,
});
