import { WorkGroups1764200000006 } from '../migrations/1764200000006-work-groups';
import { ResponsibilityModule } from '../module';
import { WorkGroupEntity, WorkGroupMemberEntity } from './work-group.entity';
import { WorkGroupMemberResolver, WorkGroupResolver } from './work-group.resolver';
import { WorkGroupService } from './work-group.service';

/** Leading groups (领导小组), task forces (工作专班) and supervision groups (督导组) with their members. */
export const WORK_GROUPS_MODULE: ResponsibilityModule = {
  entities: [WorkGroupEntity, WorkGroupMemberEntity],
  orgPathColumns: [{ table: 'work_group', column: 'org_path' }],
  migrations: [WorkGroups1764200000006],
  resolverClasses: [WorkGroupResolver, WorkGroupMemberResolver],
  createResolvers: ({ dataSource, orgUnits, people }) => {
    const workGroups = new WorkGroupService(dataSource);
    return new Map<Function, unknown>([
      [WorkGroupResolver, new WorkGroupResolver(workGroups, orgUnits)],
      [WorkGroupMemberResolver, new WorkGroupMemberResolver(people)],
    ]);
  },
};
