import { Field, Int, ObjectType } from 'type-graphql';
import { HazardMonthlyCountRow } from './hazard-count.entity';

@ObjectType('HazardMonthlyCount', { description: '按月隐患登记统计（来自隐患排查治理服务的事件）' })
export class HazardMonthlyCount {
  @Field({ description: '月份 YYYY-MM' })
  month: string;

  @Field(() => Int, { description: '登记隐患数' })
  registered: number;

  @Field(() => Int, { description: '其中重大隐患数' })
  major: number;

  @Field(() => Int, { description: '作废数' })
  voided: number;
}

export function toHazardMonthlyCount(row: HazardMonthlyCountRow): HazardMonthlyCount {
  return { month: row.month, registered: row.registered, major: row.major, voided: row.voided };
}
