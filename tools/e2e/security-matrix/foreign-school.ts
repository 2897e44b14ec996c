import { GraphQLSchema } from 'graphql';
import { GraphQLClient } from '@campus/testing';
import { buildCall } from './arguments';
import { contextTypeOf } from './id-types';
import { ObjectRegistry, inBatches } from './objects';
import { RoleScope } from './scope';
import { rootFields, selectionOf } from './schema';

/** The mutations that make something new (what the bureau administrator runs to fill the second school). */
export const CREATORS = /^(create|plan|register|report|raise|record|add|start|publish|import|designate)[A-Z]/;

/**
 * Makes objects for the matrix to aim at, generically: each mutation whose name matches, called by `client`
 * with ids of objects in `unitId`'s subtree (or above it) and dummy values, round after round (a quiz needs a
 * bank with questions first). What is refused for its dummy values is simply not made. The demo's second
 * school (县第一中学) holds almost nothing otherwise, so the school-wide roles of 现代职业学院 would have nothing
 * outside their scope. Answers how many calls made something.
 */
export async function makeObjects(
  schema: GraphQLSchema,
  client: GraphQLClient,
  registry: ObjectRegistry,
  unitId: string,
  names: RegExp,
  rounds: number,
): Promise<number> {
  const unit = new RoleScope({ name: `maker@${unitId}`, unitIds: [unitId] }, registry);
  const makers = rootFields(schema).filter((root) => root.kind === 'mutation' && names.test(root.name));
  let made = 0;
  for (let round = 0; round < rounds; round++) {
    const calls = makers.map((root) => async () => {
      // Every other round also fills optional ids (a notice from a template, a hazard at a place).
      const withOptionalIds = round % 2 === 1;
      const built = buildCall(schema, root, contextTypeOf(schema, root), { pick: (type, name) => unit.pickOwn(type, name) }, withOptionalIds, selectionOf(root.field.type, 1));
      if (built.missing.length || built.unresolved.length) return 0;
      const response = await client.request(built.query, built.variables);
      if (response.errors?.length) return 0;
      registry.record(schema, response.data);
      return 1;
    });
    made += (await inBatches(calls, 8)).reduce<number>((sum, one) => sum + one, 0);
  }
  return made;
}
