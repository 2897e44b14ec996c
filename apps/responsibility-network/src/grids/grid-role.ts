import { registerEnumType } from 'type-graphql';

export enum GridRole {
  LEADER = 'LEADER',
  SAFETY_OFFICER = 'SAFETY_OFFICER',
}

registerEnumType(GridRole, {
  name: 'GridRole',
  description: '网格职责',
  valuesConfig: {
    LEADER: { description: '网格责任人（每个网格同一天只有一位）' },
    SAFETY_OFFICER: { description: '网格安全员（可有多位）' },
  },
});

export const GRID_ROLE_LABELS: Record<GridRole, string> = {
  LEADER: '网格责任人',
  SAFETY_OFFICER: '网格安全员',
};

export enum ReassignmentReason {
  PERSON_INACTIVE = 'PERSON_INACTIVE',
  PERSON_MOVED = 'PERSON_MOVED',
}

registerEnumType(ReassignmentReason, {
  name: 'ReassignmentReason',
  description: '需要调整网格人员的原因',
  valuesConfig: {
    PERSON_INACTIVE: { description: '人员已停用（离职、毕业）' },
    PERSON_MOVED: { description: '人员已调离网格所属单位' },
  },
});
