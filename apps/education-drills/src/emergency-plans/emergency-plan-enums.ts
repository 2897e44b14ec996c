import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum EmergencyPlanType {
  COMPREHENSIVE = 'COMPREHENSIVE',
  SPECIAL = 'SPECIAL',
  ON_SITE = 'ON_SITE',
}

/** What emergency a plan is for (预案适用的突发事件类型). */
export enum EmergencyPlanScenario {
  FIRE = 'FIRE',
  EARTHQUAKE = 'EARTHQUAKE',
  FLOOD = 'FLOOD',
  FOOD_POISONING = 'FOOD_POISONING',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  CAMPUS_VIOLENCE = 'CAMPUS_VIOLENCE',
  STAMPEDE = 'STAMPEDE',
  MASS_INCIDENT = 'MASS_INCIDENT',
  OTHER = 'OTHER',
}

export const EMERGENCY_PLAN_SCENARIO_LABELS: Record<EmergencyPlanScenario, string> = {
  FIRE: '火灾',
  EARTHQUAKE: '地震',
  FLOOD: '防汛（暴雨、洪水）',
  FOOD_POISONING: '食物中毒',
  PUBLIC_HEALTH: '公共卫生事件（传染病等）',
  CAMPUS_VIOLENCE: '校园侵害（暴力、入侵）',
  STAMPEDE: '拥挤踩踏',
  MASS_INCIDENT: '群体性事件',
  OTHER: '其他',
};

export enum EmergencyPlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  RETIRED = 'RETIRED',
}

registerEnumType(EmergencyPlanType, {
  name: 'EmergencyPlanType',
  description: '预案类型',
  valuesConfig: {
    COMPREHENSIVE: { description: '综合应急预案' },
    SPECIAL: { description: '专项应急预案' },
    ON_SITE: { description: '现场处置方案' },
  },
});

registerEnumType(EmergencyPlanStatus, {
  name: 'EmergencyPlanStatus',
  description: '预案状态',
  valuesConfig: {
    DRAFT: { description: '草案' },
    APPROVED: { description: '已批准生效' },
    RETIRED: { description: '已废止' },
  },
});

registerEnumType(EmergencyPlanScenario, {
  name: 'EmergencyPlanScenario',
  description: '预案适用的突发事件类型',
  valuesConfig: describedBy(EMERGENCY_PLAN_SCENARIO_LABELS),
});
