import { OrgUnitReference } from '@campus/graphql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType({ description: '单位（含下级）隐患与检查概况：仪表盘一次查询所需的数字' })
export class UnitHazardOverview {
  @Field(() => Int, { description: '未整改完成的隐患（发现上报至待验收，不含作废）' })
  open: number;

  @Field(() => Int, { description: '其中重大隐患' })
  majorOpen: number;

  @Field(() => Int, { description: '逾期未验收（已上报、整改中、待验收且过了整改期限）' })
  overdue: number;

  @Field(() => Int, { description: '本年度（北京时间）发现的隐患数（不含作废）' })
  foundThisYear: number;

  @Field(() => Int, { description: '其中已整改（已验收、已销号、已存档）' })
  rectifiedThisYear: number;

  @Field(() => Float, { nullable: true, description: '本年度整改率 = 已整改 ÷ 发现数；无隐患时为空' })
  rectificationRate: number | null;

  @Field(() => Int, { description: '本月到期的检查次数（日检查、周整改、月汇总，截至昨天）' })
  inspectionsDueThisMonth: number;

  @Field(() => Int, { description: '其中已检查' })
  inspectionsDoneThisMonth: number;

  @Field(() => Float, { nullable: true, description: '本月检查完成率；无到期检查时为空' })
  inspectionCompletionRate: number | null;

  @Field(() => Int, { description: '特种设备定期检验逾期（在用、停用，下次检验日期已过）' })
  specialEquipmentOverdue: number;
}

export enum HazardRankMetric {
  OPEN_HAZARDS = 'OPEN_HAZARDS',
  MAJOR_OPEN_HAZARDS = 'MAJOR_OPEN_HAZARDS',
  OVERDUE_HAZARDS = 'OVERDUE_HAZARDS',
  RECTIFICATION_RATE = 'RECTIFICATION_RATE',
  INSPECTION_COMPLETION_RATE = 'INSPECTION_COMPLETION_RATE',
  SPECIAL_EQUIPMENT_OVERDUE = 'SPECIAL_EQUIPMENT_OVERDUE',
}

registerEnumType(HazardRankMetric, {
  name: 'HazardRankMetric',
  description: '下级单位按隐患与检查排名的指标',
  valuesConfig: {
    OPEN_HAZARDS: { description: '未整改隐患数（多者差）' },
    MAJOR_OPEN_HAZARDS: { description: '未整改重大隐患数（多者差）' },
    OVERDUE_HAZARDS: { description: '逾期隐患数（多者差）' },
    RECTIFICATION_RATE: { description: '本年度整改率（低者差）' },
    INSPECTION_COMPLETION_RATE: { description: '本月检查完成率（低者差）' },
    SPECIAL_EQUIPMENT_OVERDUE: { description: '特种设备检验逾期数（多者差）' },
  },
});

@ObjectType({ description: '下级单位在一项隐患指标上的排名' })
export class HazardUnitRank {
  @Field(() => OrgUnitReference)
  unit: OrgUnitReference;

  @Field(() => Float, { nullable: true, description: '指标值；比率无可计算数据时为空（排在最后）' })
  value: number | null;

  @Field(() => Int, { description: '名次，从 1 起；并列同名次' })
  rank: number;
}
