import { WorkGroups1764200000006 } from '../migrations/1764200000006-work-groups';
import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { WORK_GROUP_POLICY } from './work-group.access';
import { WorkGroupEntity, WorkGroupMemberEntity } from './work-group.entity';
import { WorkGroupMemberResolver, WorkGroupResolver } from './work-group.resolver';
import { WorkGroupService } from './work-group.service';

/** Leading groups (领导小组), task forces (工作专班) and supervision groups (督导组) with their members. */
export const WORK_GROUPS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'work-groups',
  entities: [WorkGroupEntity, WorkGroupMemberEntity],
  scopedTables: ['work_group'],
  policies: [WORK_GROUP_POLICY],
  migrations: [WorkGroups1764200000006],
  resolvers: ({ dataSource, orgUnits, people }) => {
    const workGroups = new WorkGroupService(dataSource);
    return [
      new WorkGroupResolver(workGroups, orgUnits),
      new WorkGroupMemberResolver(people),
    ];
  },
};
