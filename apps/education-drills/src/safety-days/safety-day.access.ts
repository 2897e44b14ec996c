import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, sharedBelowAccess, viewRule } from '@campus/server';
import { SafetyDayEntity, SafetyDayPlanEntity } from './safety-day.entity';

/** Who sets a unit's own days and plans its theme days: its leadership, its safety officer, the offices above. */
const DAY_KEEPERS = UNIT_SAFETY_MANAGER_ROLES;

export const SAFETY_DAY_POLICY = definePolicy({
  aggregate: 'SafetyDay',
  label: '安全主题日',
  actions: {
    view: viewRule('查看（本单位及上级单位设立的）'),
    create: { roles: DAY_KEEPERS, label: '设立', refusal: '只有本单位负责人、安全员或安全管理部门可以设立本单位的安全主题日' },
    edit: {
      roles: DAY_KEEPERS,
      label: '修改',
      refusal: '只有设立单位的负责人、安全员或安全管理部门可以修改本单位的安全主题日',
      condition: '日期仅在尚无活动计划和关联活动时可改',
    },
    remove: {
      roles: DAY_KEEPERS,
      label: '删除',
      refusal: '只有设立单位的负责人、安全员或安全管理部门可以删除本单位的安全主题日',
      condition: '仅在尚无活动计划和关联活动时',
    },
  },
});

export const SAFETY_DAY_PLAN_POLICY = definePolicy({
  aggregate: 'SafetyDayPlan',
  label: '安全主题日活动计划',
  actions: {
    view: viewRule(),
    plan: { roles: DAY_KEEPERS, label: '制定', refusal: '只有本单位负责人、安全员或安全管理部门可以为安全主题日制定活动计划' },
    cancel: { roles: DAY_KEEPERS, label: '撤销', refusal: '只有本单位负责人、安全员或安全管理部门可以撤销安全主题日活动计划' },
    link: {
      roles: DAY_KEEPERS,
      label: '把教育活动关联到安全主题日',
      refusal: '只有本单位负责人、安全员或安全管理部门可以把教育活动关联到安全主题日',
    },
  },
});

/** A unit's own days are seen by those whose scope covers the unit and by everyone in the units below it. */
export const SAFETY_DAY_ACCESS = sharedBelowAccess(SAFETY_DAY_POLICY, SafetyDayEntity);

export const SAFETY_DAY_PLAN_ACCESS = scopedAccess(SAFETY_DAY_PLAN_POLICY, SafetyDayPlanEntity);
