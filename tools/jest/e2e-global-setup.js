// End-to-end runs: the demo campus is loaded once into a template that each suite's platform copies
// (tools/e2e/demo-template.ts). Runs the compiled code, as the suites' platforms do.
require('../runtime/paths.js');
require('reflect-metadata');
const { buildDemoTemplate, publishDemoTemplate, templateWanted } = require('../../dist/tools/e2e/demo-template.js');

module.exports = async () => {
  if (templateWanted()) publishDemoTemplate(await buildDemoTemplate());
};
