import { CalendarDate, ConnectionType } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DutyLogCategory, DutyPeriodKind, DutyPosition } from './duty-enums';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DutyRosterEntity } from './duty-roster.entity';
import { isOvernight, shiftLength, ShiftTimes } from './duty-time';

@ObjectType('DutyShift', { description: '班次（北京时间）' })
export class DutyShift {
  @Field()
  name: string;

  @Field({ description: '开始时间 HH:MM' })
  start: string;

  @Field({ description: '结束时间 HH:MM' })
  end: string;

  @Field({ description: '跨过午夜（结束于次日）' })
  overnight: boolean;

  @Field(() => Int, { description: '时长（分钟）' })
  durationMinutes: number;
}

@ObjectType('DutyRoster', { description: '值班表（值班值守）：单位、日期范围、班次与排班' })
export class DutyRoster {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orgUnitId: string;

  /** Used for scope and permission checks; not exposed. */
  orgPath: string;

  @Field()
  name: string;

  @Field(() => CalendarDate)
  startDate: string;

  @Field(() => CalendarDate, { description: '结束日期（含）' })
  endDate: string;

  @Field(() => DutyPeriodKind)
  periodKind: DutyPeriodKind;

  @Field(() => [DutyShift])
  shifts: DutyShift[];

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('DutySlot', { description: '排班：某天某班次的带班领导和值班人员' })
export class DutySlot {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  rosterId: string;

  @Field(() => CalendarDate, { description: '值班日期（班次开始的那一天）' })
  date: string;

  @Field()
  shiftName: string;

  @Field(() => ID, { nullable: true })
  leaderPersonId: string | null;

  @Field(() => [ID])
  officerPersonIds: string[];

  @Field()
  updatedAt: Date;
}

@ObjectType('DutyGap', { description: '缺岗：某天某班次缺少带班领导或值班人员' })
export class DutyGap {
  @Field(() => CalendarDate)
  date: string;

  @Field()
  shiftName: string;

  @Field(() => [DutyPosition])
  missing: DutyPosition[];
}

@ObjectType('DutyHandoverNote', { description: '交接班记录' })
export class DutyHandoverNote {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  rosterId: string;

  @Field(() => CalendarDate, { description: '交班的值班日期' })
  date: string;

  @Field({ description: '交班的班次' })
  shiftName: string;

  @Field({ description: '交接内容' })
  note: string;

  @Field(() => ID, { nullable: true })
  writtenByPersonId: string | null;

  @Field({ description: '记录时间' })
  createdAt: Date;
}

@ObjectType('DutyLogEntry', { description: '值班日志' })
export class DutyLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  rosterId: string;

  @Field({ description: '发生时间' })
  occurredAt: Date;

  @Field(() => DutyLogCategory)
  category: DutyLogCategory;

  @Field()
  content: string;

  @Field(() => CalendarDate, { nullable: true, description: '发生时所在班次的值班日期' })
  date: string | null;

  @Field(() => String, { nullable: true, description: '发生时所在班次' })
  shiftName: string | null;

  @Field(() => ID, { nullable: true })
  recordedByPersonId: string | null;

  @Field({ description: '记录时间' })
  createdAt: Date;
}

@ObjectType('DutyContact', { description: '值班公示的联系人：姓名和完整电话，供所覆盖单位的全体人员查看' })
export class DutyContact {
  @Field(() => ID)
  personId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '联系电话（完整号码，供值班公示）' })
  phone: string | null;

  @Field({ description: '是否带班领导' })
  leader: boolean;
}

@ObjectType('OnDuty', { description: '此刻在岗：所在值班表、班次、带班领导和值班人员' })
export class OnDuty {
  @Field(() => DutyRoster)
  roster: DutyRoster;

  @Field(() => CalendarDate, { description: '值班日期（夜班为前一天）' })
  date: string;

  @Field(() => DutyShift)
  shift: DutyShift;

  @Field({ description: '班次开始时间' })
  startsAt: Date;

  @Field({ description: '班次结束时间' })
  endsAt: Date;

  leaderPersonId: string | null;

  officerPersonIds: string[];

  @Field(() => [DutyContact], {
    description: '值班公示：带班领导在前，再是值班人员；上级单位的值班表覆盖本单位时，本单位人员也可看到（leader/officers 仍按数据范围）',
  })
  contacts: DutyContact[];
}

@ObjectType()
export class DutyRosterConnection extends ConnectionType('DutyRoster', DutyRoster) {}

@ObjectType()
export class DutyHandoverNoteConnection extends ConnectionType('DutyHandoverNote', DutyHandoverNote) {}

@ObjectType()
export class DutyLogEntryConnection extends ConnectionType('DutyLogEntry', DutyLogEntry) {}

@ObjectType()
export class DutyRosterPayload {
  @Field(() => DutyRoster)
  dutyRoster: DutyRoster;
}

@ObjectType()
export class DutySlotPayload {
  @Field(() => DutyRoster)
  dutyRoster: DutyRoster;

  @Field(() => DutySlot, { nullable: true, description: '排班后的班次；清空时为空' })
  slot: DutySlot | null;
}

@ObjectType()
export class DutyHandoverNotePayload {
  @Field(() => DutyHandoverNote)
  handoverNote: DutyHandoverNote;
}

@ObjectType()
export class DutyLogEntryPayload {
  @Field(() => DutyLogEntry)
  logEntry: DutyLogEntry;
}

@ObjectType()
export class DutyGapCheckPayload {
  @Field(() => [DutyGap], { description: '当前全部缺岗' })
  gaps: DutyGap[];

  @Field(() => [DutyGap], { description: '本次新发现并已上报的缺岗（此前报过的不再重复）' })
  newlyReported: DutyGap[];
}

export function toDutyShift(shift: ShiftTimes): DutyShift {
  return { name: shift.name, start: shift.start, end: shift.end, overnight: isOvernight(shift), durationMinutes: shiftLength(shift) };
}

export function toDutyRoster(entity: DutyRosterEntity): DutyRoster {
  return {
    id: entity.id,
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    name: entity.name,
    startDate: entity.startDate,
    endDate: entity.endDate,
    periodKind: entity.periodKind,
    shifts: entity.shifts.map(toDutyShift),
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function toDutyHandoverNote(entity: DutyHandoverNoteEntity): DutyHandoverNote {
  return {
    id: entity.id,
    rosterId: entity.rosterId,
    date: entity.dutyDate,
    shiftName: entity.shiftName,
    note: entity.note,
    writtenByPersonId: entity.writtenByPersonId,
    createdAt: entity.createdAt,
  };
}

export function toDutyLogEntry(entity: DutyLogEntryEntity): DutyLogEntry {
  return {
    id: entity.id,
    rosterId: entity.rosterId,
    occurredAt: entity.occurredAt,
    category: entity.category,
    content: entity.content,
    date: entity.dutyDate,
    shiftName: entity.shiftName,
    recordedByPersonId: entity.recordedByPersonId,
    createdAt: entity.createdAt,
  };
}
