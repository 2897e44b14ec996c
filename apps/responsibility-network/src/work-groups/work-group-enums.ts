import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum WorkGroupKind {
  LEADING_GROUP = 'LEADING_GROUP',
  TASK_FORCE = 'TASK_FORCE',
  SUPERVISION_GROUP = 'SUPERVISION_GROUP',
}

registerEnumType(WorkGroupKind, {
  name: 'WorkGroupKind',
  description: '工作机构类别',
  valuesConfig: {
    LEADING_GROUP: { description: '领导小组' },
    TASK_FORCE: { description: '工作专班' },
    SUPERVISION_GROUP: { description: '督导组' },
  },
});

export enum WorkGroupRole {
  LEADER = 'LEADER',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
  OFFICE_DIRECTOR = 'OFFICE_DIRECTOR',
  OFFICE_STAFF = 'OFFICE_STAFF',
}

export const WORK_GROUP_ROLE_LABELS: Record<WorkGroupRole, string> = {
  LEADER: '组长',
  DEPUTY: '副组长',
  MEMBER: '成员',
  OFFICE_DIRECTOR: '办公室主任',
  OFFICE_STAFF: '办公室成员',
};

registerEnumType(WorkGroupRole, {
  name: 'WorkGroupRole',
  description: '工作机构成员职务',
  valuesConfig: describedBy(WORK_GROUP_ROLE_LABELS),
});
