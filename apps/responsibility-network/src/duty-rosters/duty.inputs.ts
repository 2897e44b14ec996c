import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, MaxDate, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DutyLogCategory, DutyPeriodKind } from './duty-enums';
import { CLOCK } from './duty-time';

const CLOCK_MESSAGE = '时间格式应为 HH:MM（00:00–23:59）';
export const MAX_SHIFTS = 6;
export const MAX_OFFICERS = 10;

@InputType({ description: '班次；结束时间不晚于开始时间表示跨过午夜（如 20:00–08:00 夜班）' })
export class DutyShiftInput {
  @Field({ description: '班次名称，如 白班、夜班' })
  @Length(1, 20, { message: '班次名称长度应为 1–20 个字符' })
  name: string;

  @Field({ description: '开始时间 HH:MM（北京时间）' })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  start: string;

  @Field({ description: '结束时间 HH:MM（北京时间）' })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  end: string;
}

@InputType()
export class CreateDutyRosterInput {
  @Field(() => ID, { description: '值班单位' })
  orgUnitId: string;

  @Field({ description: '名称，如 2026 年国庆假期值班表' })
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;

  @Field(() => CalendarDate)
  startDate: string;

  @Field(() => CalendarDate, { description: '结束日期（含），最长 366 天' })
  endDate: string;

  @Field(() => DutyPeriodKind)
  periodKind: DutyPeriodKind;

  @Field(() => [DutyShiftInput], { description: '每天的班次，按顺序' })
  @ArrayMinSize(1, { message: '至少设置一个班次' })
  @ArrayMaxSize(MAX_SHIFTS, { message: `最多设置 ${MAX_SHIFTS} 个班次` })
  @ValidateNested({ each: true })
  shifts: DutyShiftInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改值班表；只有没有排班的班次才能删除或改名' })
export class UpdateDutyRosterInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name?: string | null;

  @Field(() => DutyPeriodKind, { nullable: true })
  @IsOptional()
  periodKind?: DutyPeriodKind | null;

  @Field(() => [DutyShiftInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少设置一个班次' })
  @ArrayMaxSize(MAX_SHIFTS, { message: `最多设置 ${MAX_SHIFTS} 个班次` })
  @ValidateNested({ each: true })
  shifts?: DutyShiftInput[] | null;
}

@InputType({ description: '排班：整体替换某天某班次的带班领导和值班人员；两者都为空则清空该班次' })
export class SetDutySlotInput {
  @Field(() => ID)
  rosterId: string;

  @Field(() => CalendarDate, { description: '值班日期（班次开始的那一天）' })
  date: string;

  @Field()
  @Length(1, 20, { message: '班次名称长度应为 1–20 个字符' })
  shiftName: string;

  @Field(() => ID, { nullable: true, description: '带班领导' })
  @IsOptional()
  leaderPersonId?: string | null;

  @Field(() => [ID], { description: '值班人员' })
  @ArrayMaxSize(MAX_OFFICERS, { message: `每个班次最多 ${MAX_OFFICERS} 名值班人员` })
  officerPersonIds: string[];
}

@InputType()
export class AddHandoverNoteInput {
  @Field(() => ID)
  rosterId: string;

  @Field(() => CalendarDate, { description: '交班的值班日期' })
  date: string;

  @Field({ description: '交班的班次' })
  @Length(1, 20, { message: '班次名称长度应为 1–20 个字符' })
  shiftName: string;

  @Field({ description: '交接内容' })
  @Length(1, 2000, { message: '交接内容长度应为 1–2000 个字符' })
  note: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class AddDutyLogEntryInput {
  @Field(() => ID)
  rosterId: string;

  @Field({ description: '发生时间' })
  @MaxDate(() => new Date(Date.now() + 60_000), { message: '发生时间不能晚于当前时间' })
  occurredAt: Date;

  @Field(() => DutyLogCategory)
  category: DutyLogCategory;

  @Field()
  @Length(1, 2000, { message: '日志内容长度应为 1–2000 个字符' })
  content: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class DutyRosterFilter {
  @Field(() => ID, { nullable: true, description: '值班单位；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: false, description: '包含下级单位的值班表' })
  includeSubtree: boolean;

  @Field(() => DutyPeriodKind, { nullable: true })
  @IsOptional()
  periodKind?: DutyPeriodKind | null;

  @Field(() => CalendarDate, { nullable: true, description: '只看包含此日期的值班表' })
  @IsOptional()
  coveringDate?: string | null;
}
