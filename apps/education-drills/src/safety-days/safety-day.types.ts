import { CalendarDate, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { nationalSafetyDay, NationalSafetyDay } from './calendar';
import { SafetyDayActivityLinkEntity, SafetyDayEntity, SafetyDayPlanEntity } from './safety-day.entity';

export enum SafetyDayKind {
  NATIONAL = 'NATIONAL',
  UNIT = 'UNIT',
}

registerEnumType(SafetyDayKind, {
  name: 'SafetyDayKind',
  description: '安全主题日的来源',
  valuesConfig: { NATIONAL: { description: '国家规定的安全主题日' }, UNIT: { description: '单位自行设立的安全主题日' } },
});

@ObjectType('SafetyDay', { description: '安全主题日：国家规定的（如全国消防日）或单位自行设立的' })
export class SafetyDay {
  @Field(() => ID, { description: '国家规定的为固定代码（如 FIRE_SAFETY_DAY），单位设立的为记录 ID' })
  id: string;

  @Field(() => SafetyDayKind)
  kind: SafetyDayKind;

  @Field({ description: '名称' })
  name: string;

  @Field({ description: '日期规则，如 每年11月9日、每年3月最后一个星期一' })
  rule: string;

  @Field(() => String, { nullable: true, description: '说明' })
  description: string | null;

  @Field({ description: '是否每年重复' })
  annual: boolean;

  @Field(() => OrgUnitReference, { nullable: true, description: '设立单位（国家规定的为空）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => Int, { nullable: true, description: '版本（国家规定的为空）' })
  version: number | null;
}

@ObjectType('SafetyDayOccurrence', { description: '安全主题日在某一年的具体日期' })
export class SafetyDayOccurrence {
  @Field(() => SafetyDay)
  day: SafetyDay;

  @Field(() => CalendarDate, { description: '开始日期' })
  startDate: string;

  @Field(() => CalendarDate, { description: '结束日期（含），单日的与开始日期相同' })
  endDate: string;
}

@ObjectType('SafetyDayReadiness', { description: '即将到来的安全主题日，以及下级单位中尚未安排的' })
export class SafetyDayReadiness {
  @Field(() => SafetyDayOccurrence)
  occurrence: SafetyDayOccurrence;

  @Field(() => Int, { description: '距今天数（已开始的为 0）' })
  daysUntil: number;

  @Field(() => Int, { description: '应安排的下级单位数' })
  unitCount: number;

  @Field(() => [OrgUnitReference], { description: '既没有活动计划、也没有关联教育活动的下级单位' })
  unplannedUnits: OrgUnitReference[];
}

@ObjectType('SafetyDayPlan', { description: '单位为某个安全主题日制定的活动计划（主题日安排）' })
export class SafetyDayPlan {
  @Field(() => ID)
  id: string;

  @Field(() => SafetyDay)
  day: SafetyDay;

  @Field(() => CalendarDate, { description: '所属安全主题日的开始日期' })
  occurrenceDate: string;

  @Field(() => CalendarDate, { description: '计划开展日期' })
  plannedDate: string;

  @Field({ description: '活动主题' })
  theme: string;

  @Field(() => String, { nullable: true, description: '备注' })
  note: string | null;

  @Field(() => OrgUnitReference, { description: '制定计划的单位' })
  orgUnit: OrgUnitReference;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('SafetyDayActivityLink', { description: '为某个安全主题日开展的教育活动' })
export class SafetyDayActivityLink {
  @Field(() => ID)
  id: string;

  @Field(() => SafetyDay)
  day: SafetyDay;

  @Field(() => CalendarDate, { description: '所属安全主题日的开始日期' })
  occurrenceDate: string;

  @Field(() => ID, { description: '教育活动 ID' })
  activityId: string;

  @Field(() => OrgUnitReference, { description: '开展活动的单位' })
  orgUnit: OrgUnitReference;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class SafetyDayPayload {
  @Field(() => SafetyDay)
  safetyDay: SafetyDay;
}

@ObjectType()
export class SafetyDayPlanPayload {
  @Field(() => SafetyDayPlan)
  plan: SafetyDayPlan;
}

@ObjectType()
export class RemoveSafetyDayPayload {
  @Field(() => ID, { description: '已删除的安全主题日 ID' })
  id: string;
}

@ObjectType()
export class CancelSafetyDayPlanPayload {
  @Field(() => ID, { description: '已撤销的计划 ID' })
  id: string;
}

@ObjectType()
export class SafetyDayActivityLinkPayload {
  @Field(() => SafetyDayActivityLink)
  link: SafetyDayActivityLink;
}

export function toNationalSafetyDay(day: NationalSafetyDay): SafetyDay {
  return { id: day.id, kind: SafetyDayKind.NATIONAL, name: day.name, rule: day.rule, description: day.description, annual: true, orgUnit: null, version: null };
}

function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`;
}

/** "每年11月20日", "2026年11月16日至11月20日", "每年12月30日至次年1月2日". */
function ownRule(entity: SafetyDayEntity): string {
  const start = entity.annual ? `每年${monthDay(entity.startDate)}` : `${entity.startDate.slice(0, 4)}年${monthDay(entity.startDate)}`;
  if (entity.endDate === entity.startDate) return start;
  const crossesYear = entity.endDate.slice(0, 4) !== entity.startDate.slice(0, 4);
  const endYear = !crossesYear ? '' : entity.annual ? '次年' : `${entity.endDate.slice(0, 4)}年`;
  return `${start}至${endYear}${monthDay(entity.endDate)}`;
}

export function toOwnSafetyDay(entity: SafetyDayEntity): SafetyDay {
  return {
    id: entity.id,
    kind: SafetyDayKind.UNIT,
    name: entity.name,
    rule: ownRule(entity),
    description: entity.description,
    annual: entity.annual,
    orgUnit: orgUnitReference(entity.orgUnitId),
    version: entity.version,
  };
}

/** A stored day id's SafetyDay: a national code, else one of the given own days (null when neither). */
export function safetyDayOf(dayId: string, ownDays: ReadonlyMap<string, SafetyDayEntity>): SafetyDay | null {
  const national = nationalSafetyDay(dayId);
  if (national) return toNationalSafetyDay(national);
  const own = ownDays.get(dayId);
  return own ? toOwnSafetyDay(own) : null;
}

export function toSafetyDayPlan(entity: SafetyDayPlanEntity, day: SafetyDay): SafetyDayPlan {
  return {
    id: entity.id,
    day,
    occurrenceDate: entity.occurrenceDate,
    plannedDate: entity.plannedDate,
    theme: entity.theme,
    note: entity.note,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toSafetyDayActivityLink(entity: SafetyDayActivityLinkEntity, day: SafetyDay): SafetyDayActivityLink {
  return { id: entity.id, day, occurrenceDate: entity.occurrenceDate, activityId: entity.activityId, orgUnit: orgUnitReference(entity.orgUnitId), createdAt: entity.createdAt };
}
