import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by responsibility-network, as the other subgraphs see them: a key to point at, and a
 * type to contribute fields to (e.g. OrgUnit.hazards).
 */
@Directive('@key(fields: "id")')
@ObjectType('OrgUnit')
export class OrgUnitReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Person')
export class PersonReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Place')
export class PlaceReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Grid')
export class GridReference {
  @Field(() => ID)
  id: string;
}

/** A reference to an entity another subgraph owns, or null when the id is. */
export function referenceTo(id: string | null): { id: string } | null {
  return id ? { id } : null;
}

export function orgUnitReference(id: string): OrgUnitReference {
  return { id };
}

export function personReference(id: string | null): PersonReference | null {
  return id ? { id } : null;
}

/** Reference resolver for OrgUnit in a contributing subgraph: the key is all it needs. */
export const ORG_UNIT_REFERENCE_RESOLVER = {
  OrgUnit: { __resolveReference: (reference: { id: string }) => orgUnitReference(reference.id) },
};
