import { registerEnumType } from 'type-graphql';

export enum EmergencyPlanType {
  COMPREHENSIVE = 'COMPREHENSIVE',
  SPECIAL = 'SPECIAL',
  ON_SITE = 'ON_SITE',
}

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
