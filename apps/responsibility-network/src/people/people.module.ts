import { RequestContext } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { PERSON_POLICY } from './person.access';
import { PersonEntity } from './person.entity';
import { loadPerson, PersonResolver } from './person.resolver';
import { RosterImportService } from './roster-import.service';

/** 人员: staff, students and contractors of each unit, and the roster import. */
export const PEOPLE_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'people',
  entities: [PersonEntity],
  scopedTables: ['person'],
  policies: [PERSON_POLICY],
  resolvers: ({ dataSource, outbox, orgUnits, people }) => [new PersonResolver(people, orgUnits, new RosterImportService(dataSource, outbox))],
  referenceResolvers: ({ people }) => ({
    Person: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadPerson(people, context, reference.id) },
  }),
};
