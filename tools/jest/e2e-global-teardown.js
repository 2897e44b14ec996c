require('../runtime/paths.js');
const { publishedDemoTemplate, removeDemoTemplate } = require('../../dist/tools/e2e/demo-template.js');

module.exports = async () => {
  const template = publishedDemoTemplate();
  if (template) await removeDemoTemplate(template);
};
