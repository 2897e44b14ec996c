import { WorkGroups1764200000006 } from '../migrations/1764200000006-work-groups';
import { callerOf, RequestContext } from '@campus/graphql';
import { FeatureModule, perService } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { WORK_GROUP_POLICY } from './work-group.access';
import { WorkGroupEntity, WorkGroupMemberEntity } from './work-group.entity';
import { WorkGroupMemberResolver, WorkGroupResolver } from './work-group.resolver';
import { WorkGroupService } from './work-group.service';

const workGroupServiceOf = perService(({ dataSource, outbox }: ResponsibilityDeps) => new WorkGroupService(dataSource, outbox));

/** Leading groups (领导小组), task forces (工作专班) and supervision groups (督导组) with their members; work-group.changed. */
export const WORK_GROUPS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'work-groups',
  entities: [WorkGroupEntity, WorkGroupMemberEntity],
  scopedTables: ['work_group'],
  policies: [WORK_GROUP_POLICY],
  migrations: [WorkGroups1764200000006],
  resolvers: (deps) => {
    const workGroups = workGroupServiceOf(deps);
    return [
      new WorkGroupResolver(workGroups, deps.orgUnits),
      new WorkGroupMemberResolver(deps.people),
    ];
  },
  // Other subgraphs name a group by reference (a supervision inspection's 督导组): null outside the viewer's scope.
  referenceResolvers: (deps) => ({
    WorkGroup: {
      __resolveReference: (reference: { id: string }, context: RequestContext) =>
        context.loaders.get('WorkGroup', () => workGroupServiceOf(deps).createLoader(callerOf(context))).load(reference.id),
    },
  }),
};
