import { buildSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_TABS } from './examples';

/** The public API as clients see it (written by schema:write beside the supergraph). */
const API_SCHEMA = buildSchema(readFileSync(path.join(__dirname, '../../api-schema.graphql'), 'utf8'));

const examples = EXAMPLE_TABS.map((tab) => {
  const document = parse(tab.query);
  return { name: (document.definitions[0] as OperationDefinitionNode).name?.value, document };
});

describe("the explorer's example operations", () => {
  it('are one named operation each, starting with the login', () => {
    expect(examples.map((example) => [example.name, example.document.definitions.length])).toEqual([
      ['Login', 1],
      ['MeAndUnits', 1],
      ['HazardLedger', 1],
      ['PlansAndActivities', 1],
      ['AppraisalSchemes', 1],
    ]);
  });

  it.each(examples)('$name is valid against the public API schema', ({ document }) => {
    expect(validate(API_SCHEMA, document).map((error) => error.message)).toEqual([]);
  });
});
