import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Min, MaxDate, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HazardGrade } from '../hazards/hazard-enums';
import { InspectionCadence } from './inspection-enums';

@InputType({ description: '新建检查任务：对象为网格、场所或单位（三选一：填 gridId、填 placeId、或都不填即整个单位）' })
export class CreateInspectionTaskInput {
  @Field(() => ID, { description: '负责单位（数据范围）' })
  orgUnitId: string;

  @Field(() => ID, { description: '检查表' })
  templateId: string;

  @Field(() => ID, { nullable: true, description: '所属专项整治：检查发现的隐患计入该专项整治的统计；专项整治须覆盖负责单位且未结束' })
  @IsOptional()
  campaignId?: string | null;

  @Field({ description: '任务名称，如 信息楼每日消防检查' })
  @Length(2, 100, { message: '任务名称长度应为 2–100 个字符' })
  name: string;

  @Field(() => ID, { nullable: true, description: '检查的网格' })
  @IsOptional()
  gridId?: string | null;

  @Field(() => ID, { nullable: true, description: '检查的场所/部位' })
  @IsOptional()
  placeId?: string | null;

  @Field({ description: '检查部位（文字），如 信息楼一至三层；不合格项登记隐患时作为隐患部位' })
  @Length(1, 200, { message: '检查部位长度应为 1–200 个字符' })
  placeText: string;

  @Field(() => ID, { description: '检查人' })
  assigneePersonId: string;

  @Field(() => InspectionCadence)
  cadence: InspectionCadence;

  @Field(() => CalendarDate, { description: '开始日期' })
  startsOn: string;

  @Field(() => CalendarDate, { nullable: true, description: '结束日期（含）；不填为长期。一次性检查不填则为开始当天' })
  @IsOptional()
  endsOn?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '停用检查任务：停用当天所在的周期及以后不再计入应检' })
export class DeactivateInspectionTaskInput extends VersionedInput {}

@InputType({ description: '一个检查项的结果' })
export class InspectionItemResultInput {
  @Field(() => ID, { description: '检查项' })
  itemId: string;

  @Field({ description: '是否合格' })
  passed: boolean;

  @Field(() => String, { nullable: true, description: '情况说明；不合格时必填（描述发现的问题）' })
  @IsOptional()
  @Length(1, 2000, { message: '情况说明长度应为 1–2000 个字符' })
  note?: string | null;

  @Field(() => HazardGrade, { nullable: true, description: '不合格时登记隐患的等级，默认取检查项的默认等级' })
  @IsOptional()
  grade?: HazardGrade | null;

  @Field(() => String, { nullable: true, description: '不合格时登记隐患的标题，默认为“检查不合格：<检查内容>”' })
  @IsOptional()
  @Length(2, 200, { message: '隐患标题长度应为 2–200 个字符' })
  hazardTitle?: string | null;
}

@InputType({ description: '执行一次检查：记录每一项的结果，每个不合格项登记一条隐患（同一事务）' })
export class PerformInspectionInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => Date, { nullable: true, description: '检查时间，默认为现在；不能晚于现在。决定计入哪个周期' })
  @IsOptional()
  @MaxDate(() => new Date(Date.now() + 60_000), { message: '检查时间不能晚于当前时间' })
  performedAt?: Date | null;

  @Field(() => [InspectionItemResultInput], { description: '检查表每一项的结果，每项一条' })
  @ArrayMinSize(1, { message: '至少要有一项检查结果' })
  @ArrayMaxSize(100, { message: '检查结果最多 100 项' })
  @ValidateNested({ each: true })
  results: InspectionItemResultInput[];

  @Field(() => String, { nullable: true, description: '检查总体情况' })
  @IsOptional()
  @Length(1, 5000, { message: '检查情况长度应为 1–5000 个字符' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: '读取任务时的版本号；填写时任务已被修改（如停用）则拒绝' })
  @IsOptional()
  @Min(1, { message: '版本号无效' })
  version?: number | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class InspectionTaskFilter {
  @Field(() => ID, { nullable: true, description: '单位；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: true, description: '与 orgUnitId 一起使用：包含下级单位' })
  includeSubtree: boolean;

  @Field({ defaultValue: false, description: '只看指派给我的' })
  assignedToMe: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: '在用（默认）；false 只看已停用的；null 全部' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => InspectionCadence, { nullable: true })
  @IsOptional()
  cadence?: InspectionCadence | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  gridId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属专项整治' })
  @IsOptional()
  campaignId?: string | null;
}

@InputType()
export class InspectionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  taskId?: string | null;

  @Field(() => ID, { nullable: true, description: '单位；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: true, description: '与 orgUnitId 一起使用：包含下级单位' })
  includeSubtree: boolean;

  @Field(() => CalendarDate, { nullable: true, description: '检查日期起（含）' })
  @IsOptional()
  performedFrom?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '检查日期止（含）' })
  @IsOptional()
  performedTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看有不合格项的' })
  @IsOptional()
  withFailures?: boolean | null;
}
