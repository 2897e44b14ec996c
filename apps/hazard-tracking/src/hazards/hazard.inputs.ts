import { CalendarDate, VersionedInput } from '@campus/graphql';
import { IsOptional, Length, MaxDate } from 'class-validator';
import { ClientRequestIdField } from '@campus/server';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';

@InputType()
export class RegisterHazardInput {
  @Field(() => ID, { description: '责任单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 200, { message: '标题长度应为 2–200 个字符' })
  title: string;

  @Field()
  @Length(1, 5000, { message: '描述长度应为 1–5000 个字符' })
  description: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field(() => HazardGrade, { defaultValue: HazardGrade.GENERAL })
  grade: HazardGrade;

  @Field(() => HazardSource, { defaultValue: HazardSource.SELF_INSPECTION })
  source: HazardSource;

  @Field(() => String, { nullable: true, description: '隐患部位；选了场所时可不填（取场所名称）' })
  @IsOptional()
  @Length(1, 200, { message: '隐患部位长度应为 1–200 个字符' })
  placeText?: string;

  @Field({ description: '发现时间，不能晚于现在' })
  @MaxDate(() => new Date(Date.now() + 60_000), { message: '发现时间不能晚于当前时间' })
  discoveredAt: Date;

  @Field(() => ID, { nullable: true, description: '发现人' })
  @IsOptional()
  discoveredByPersonId?: string;

  @Field(() => ID, { nullable: true, description: '场所（责任单位管辖范围内的）' })
  @IsOptional()
  placeId?: string;

  @Field(() => ID, { nullable: true, description: '网格' })
  @IsOptional()
  gridId?: string;

  @Field(() => ID, { nullable: true, description: '所属专项整治' })
  @IsOptional()
  campaignId?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdateHazardInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '标题长度应为 2–200 个字符' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000, { message: '描述长度应为 1–5000 个字符' })
  description?: string;

  @Field(() => HazardCategory, { nullable: true })
  @IsOptional()
  category?: HazardCategory;

  @Field(() => HazardGrade, { nullable: true })
  @IsOptional()
  grade?: HazardGrade;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '隐患部位长度应为 1–200 个字符' })
  placeText?: string;
}

@InputType()
export class VoidHazardInput extends VersionedInput {
  @Field({ description: '作废原因，如 重复登记、误报' })
  @Length(2, 500, { message: '作废原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType()
export class HazardFilter {
  @Field(() => [HazardStatus], { nullable: true })
  @IsOptional()
  status?: HazardStatus[];

  @Field(() => [HazardCategory], { nullable: true })
  @IsOptional()
  category?: HazardCategory[];

  @Field(() => [HazardGrade], { nullable: true })
  @IsOptional()
  grade?: HazardGrade[];

  @Field(() => [HazardSource], { nullable: true })
  @IsOptional()
  source?: HazardSource[];

  @Field(() => Boolean, { nullable: true, description: 'true 只看逾期未验收的（整改期限已过）；false 排除逾期的' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => CalendarDate, { nullable: true, description: '发现日期起（含）' })
  @IsOptional()
  discoveredFrom?: string;

  @Field(() => CalendarDate, { nullable: true, description: '发现日期止（含）' })
  @IsOptional()
  discoveredTo?: string;

  @Field(() => String, { nullable: true, description: '编号、标题、描述或部位包含' })
  @IsOptional()
  @Length(1, 100, { message: '搜索词长度应为 1–100 个字符' })
  search?: string;

  @Field(() => ID, { nullable: true, description: '网格' })
  @IsOptional()
  gridId?: string;

  @Field(() => ID, { nullable: true, description: '场所' })
  @IsOptional()
  placeId?: string;

  @Field(() => ID, { nullable: true, description: '专项整治' })
  @IsOptional()
  campaignId?: string;

  @Field(() => ID, { nullable: true, description: '整改责任人' })
  @IsOptional()
  responsiblePersonId?: string;
}

export enum HazardOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  DISCOVERED_LATEST_FIRST = 'DISCOVERED_LATEST_FIRST',
  DEADLINE_SOONEST_FIRST = 'DEADLINE_SOONEST_FIRST',
}

registerEnumType(HazardOrder, {
  name: 'HazardOrder',
  description: '台账排序',
  valuesConfig: {
    NEWEST_FIRST: { description: '最新登记的在前（默认）' },
    DISCOVERED_LATEST_FIRST: { description: '最近发现的在前' },
    DEADLINE_SOONEST_FIRST: { description: '整改期限最近的在前，无期限的在后' },
  },
});

@InputType()
export class HazardLedgerFilter extends HazardFilter {
  @Field(() => ID, { nullable: true, description: '单位；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string;

  @Field({ defaultValue: true, description: '包含下级单位' })
  includeSubtree: boolean;
}
