import { RequestContext } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import { Initial1764000000000 } from '../migrations/1764000000000-initial';
import type { ResponsibilityDeps } from '../service';
import { ORG_UNIT_POLICY } from './org-unit.access';
import { OrgUnitEntity } from './org-unit.entity';
import { loadOrgUnit, OrgUnitResolver } from './org-unit.resolver';

/** 组织机构: the org tree every other row's scope hangs from (its first migration also makes people and accounts). */
export const ORG_UNITS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'org-units',
  entities: [OrgUnitEntity],
  migrations: [Initial1764000000000],
  policies: [ORG_UNIT_POLICY],
  resolvers: ({ orgUnits, people }) => [new OrgUnitResolver(orgUnits, people)],
  referenceResolvers: ({ orgUnits }) => ({
    OrgUnit: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadOrgUnit(orgUnits, context, reference.id) },
  }),
};
