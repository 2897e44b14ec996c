// Lets compiled apps run with plain node: maps `@campus/<lib>` imports to the compiled lib in dist/.
// Usage: node -r ./tools/runtime/paths.js dist/apps/<app>/src/main.js
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

tsConfigPaths.register({
  baseUrl: path.resolve(__dirname, '../../dist'),
  paths: { '@campus/platform': ['tools/platform/index.js'], '@campus/*': ['libs/*/src/index.js'] },
});
