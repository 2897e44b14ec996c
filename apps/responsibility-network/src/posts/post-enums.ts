import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum PostKind {
  UNIT_HEAD = 'UNIT_HEAD',
  SAFETY_OFFICER = 'SAFETY_OFFICER',
  LAB_DIRECTOR = 'LAB_DIRECTOR',
  CANTEEN_MANAGER = 'CANTEEN_MANAGER',
  DORM_MANAGER = 'DORM_MANAGER',
  CLASS_ADVISER = 'CLASS_ADVISER',
  TEACHER = 'TEACHER',
  SECURITY_GUARD = 'SECURITY_GUARD',
  LOGISTICS = 'LOGISTICS',
  OTHER = 'OTHER',
}

export const POST_KIND_LABELS: Record<PostKind, string> = {
  UNIT_HEAD: '单位负责人',
  SAFETY_OFFICER: '安全员',
  LAB_DIRECTOR: '实验室主任',
  CANTEEN_MANAGER: '食堂负责人',
  DORM_MANAGER: '宿舍管理员',
  CLASS_ADVISER: '班主任/辅导员',
  TEACHER: '任课教师',
  SECURITY_GUARD: '保安',
  LOGISTICS: '后勤人员',
  OTHER: '其他岗位',
};

registerEnumType(PostKind, {
  name: 'PostKind',
  description: '岗位类别（决定责任清单模板）',
  valuesConfig: describedBy(POST_KIND_LABELS),
});

export enum DutyAssessmentStatus {
  SELF_ASSESSED = 'SELF_ASSESSED',
  REVIEWED = 'REVIEWED',
}

registerEnumType(DutyAssessmentStatus, {
  name: 'DutyAssessmentStatus',
  description: '履职评价状态',
  valuesConfig: {
    SELF_ASSESSED: { description: '已自评，待复评' },
    REVIEWED: { description: '已复评' },
  },
});
