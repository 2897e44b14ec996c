import { CalendarDate, ConnectionType } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Place } from '../places/place.types';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridRole, ReassignmentReason } from './grid-role';
import { GridEntity } from './grid.entity';

@Directive('@key(fields: "id")')
@ObjectType('Grid', { description: '网格：单位之下的一至三级网格，覆盖若干场所，有网格责任人和网格安全员' })
export class Grid {
  @Field(() => ID)
  id: string;

  @Field({ description: '名称' })
  name: string;

  @Field(() => Int, { description: '级别 1–3' })
  level: number;

  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  /** Used for scope checks; not exposed. */
  orgPath: string;

  @Field(() => ID, { nullable: true, description: '上级网格' })
  parentId: string | null;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;
}

@ObjectType()
export class GridConnection extends ConnectionType('Grid', Grid) {}

@ObjectType()
export class GridPayload {
  @Field(() => Grid)
  grid: Grid;
}

@ObjectType('GridAssignment', { description: '网格任职：某人在某网格担任某职责的一段时间' })
export class GridAssignment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => GridRole)
  role: GridRole;

  @Field(() => CalendarDate, { description: '起始日期（含）' })
  from: string;

  @Field(() => CalendarDate, { nullable: true, description: '结束日期（含）；空表示仍在任' })
  to: string | null;

  @Field({ description: '是否按网格安全员规则自动安排（人员调动、任职变化时自动起止；手动安排的为 false）' })
  placedByRule: boolean;
}

@ObjectType()
export class GridAssignmentPayload {
  @Field(() => GridAssignment)
  assignment: GridAssignment;

  @Field(() => GridAssignment, { nullable: true, description: '因新责任人上任而结束的前任责任人任职' })
  closed: GridAssignment | null;
}

@ObjectType('GridResponsibility', { description: '某一天对网格负责的人' })
export class GridResponsibility {
  @Field(() => ID)
  gridId: string;

  @Field(() => CalendarDate)
  date: string;

  @Field(() => GridAssignment, { nullable: true, description: '当天的网格责任人' })
  leader: GridAssignment | null;

  @Field(() => [GridAssignment], { description: '当天的网格安全员' })
  safetyOfficers: GridAssignment[];
}

@ObjectType('GridRoleNeedingReassignment', { description: '需要重新指派的网格任职（人员离职、调动）' })
export class GridRoleNeedingReassignment {
  @Field(() => GridAssignment)
  assignment: GridAssignment;

  @Field(() => ReassignmentReason)
  reason: ReassignmentReason;
}

@ObjectType('GridRosterRow', { description: '网格公示的一行' })
export class GridRosterRow {
  @Field(() => ID)
  gridId: string;

  @Field()
  gridName: string;

  @Field(() => Int)
  level: number;

  @Field(() => GridRole)
  role: GridRole;

  @Field(() => ID)
  personId: string;

  @Field()
  personName: string;

  @Field(() => String, { nullable: true, description: '联系电话（完整号码，供张贴公示）' })
  phone: string | null;
}

@ObjectType('GridCoverage', { description: '单位（含下级）在用场所的网格覆盖情况' })
export class GridCoverage {
  @Field(() => ID)
  orgUnitId: string;

  @Field(() => Int, { description: '在用场所数' })
  placeCount: number;

  @Field(() => Int, { description: '在用重点部位数' })
  keyPlaceCount: number;

  @Field(() => Int, { description: '未划入任何网格的场所数' })
  uncoveredPlaceCount: number;

  @Field(() => Int, { description: '未划入任何网格的重点部位数' })
  uncoveredKeyPlaceCount: number;

  @Field(() => [Place], { description: '未划入任何网格的场所' })
  uncoveredPlaces: Place[];

  @Field(() => [Place], { description: '未划入任何网格的重点部位' })
  uncoveredKeyPlaces: Place[];
}

export function toGrid(entity: GridEntity): Grid {
  return {
    id: entity.id,
    name: entity.name,
    level: entity.level,
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    parentId: entity.parentId,
    version: entity.version,
  };
}

export function toGridAssignment(entity: GridAssignmentEntity): GridAssignment {
  return {
    id: entity.id,
    gridId: entity.gridId,
    personId: entity.personId,
    role: entity.role,
    from: entity.from,
    to: entity.to,
    placedByRule: Boolean(entity.ruleId),
  };
}
