import { escapeLike } from '@campus/database';
import { calendarDateOf, Caller, callerOf, OrgUnitReference, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory, OrgUnitProjectionRow, visibleUnitPath } from '@campus/org-directory';
import { definePolicy, scopedAccess } from '@campus/server';
import DataLoader from 'dataloader';
import { Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import type { EducationSettings } from '../service';
import { PEOPLE_AT_RISK_HANDLERS } from './dispute.access';

export const PEOPLE_AT_RISK_COUNTS_POLICY = definePolicy({
  aggregate: 'PeopleAtRiskCounts',
  label: '重点人员台账统计',
  actions: {
    view: {
      roles: PEOPLE_AT_RISK_HANDLERS,
      label: '查看',
      refusal: '只有心理健康中心、安全保卫处、单位负责人和教育局可以查看矛盾纠纷和重点关注学生的统计',
      condition: '仅数量，不含姓名和记录',
    },
  },
});

const COUNTS_ACCESS = scopedAccess(PEOPLE_AT_RISK_COUNTS_POLICY, OrgUnitProjectionRow, (unit) => unit.path);

@ObjectType('PeopleAtRiskCounts', { description: '单位（含下级）矛盾纠纷和重点关注学生的数量，不含姓名和记录' })
export class PeopleAtRiskCounts {
  @Field(() => Int, { description: '未化解的纠纷（登记、调解中）' })
  unresolvedDisputes: number;

  @Field(() => Int, { description: '已上报或移交、尚未结案的纠纷' })
  escalatedDisputes: number;

  @Field(() => Int, { description: '关注中的重点学生' })
  activeKeyStudents: number;

  @Field(() => Int, { description: '其中跟进已逾期' })
  overdueFollowUps: number;
}

interface CountRow {
  unit_id?: string;
  unit_path?: string;
  unresolved: number | string;
  escalated: number | string;
  active: number | string;
  overdue: number | string;
}

// Paths are made of newId()s and slashes, which LIKE reads literally: no escaping needed in the subqueries.
const COUNTS_OF = (path: string) => `
  (SELECT COUNT(*) FROM dispute d WHERE d.org_path LIKE ${path} AND d.status IN ('REGISTERED', 'MEDIATING')) AS unresolved,
  (SELECT COUNT(*) FROM dispute d WHERE d.org_path LIKE ${path} AND d.status = 'ESCALATED') AS escalated,
  (SELECT COUNT(*) FROM key_student k WHERE k.org_path LIKE ${path} AND k.status = 'ACTIVE') AS active,
  (SELECT COUNT(*) FROM key_student k WHERE k.org_path LIKE ${path} AND k.status = 'ACTIVE' AND k.next_follow_up_date < ?) AS overdue`;

const projectedCounts = (units: number) =>
  `SELECT u.id AS unit_id, u.path AS unit_path, ${COUNTS_OF("CONCAT(u.path, '%')")} FROM org_unit_projection u WHERE u.id IN (${Array(units).fill('?').join(', ')})`;

function toCounts(row: CountRow): PeopleAtRiskCounts {
  return { unresolvedDisputes: Number(row.unresolved), escalatedDisputes: Number(row.escalated), activeKeyStudents: Number(row.active), overdueFollowUps: Number(row.overdue) };
}

/** The unit's counts, or its refusal: NOT_FOUND outside the caller's scope, FORBIDDEN inside it without a handling role. */
async function countsOf(dataSource: DataSource, directory: OrgUnitDirectory, caller: Caller, unitId: string, row: CountRow | undefined, today: string): Promise<PeopleAtRiskCounts | Error> {
  try {
    if (row) {
      COUNTS_ACCESS.check(caller, 'view', { id: unitId, path: row.unit_path as string });
      return toCounts(row);
    }
    // A unit too new to be projected yet: its path from responsibility-network, then its own counts.
    const path = await visibleUnitPath(directory, caller, unitId);
    COUNTS_ACCESS.check(caller, 'view', { id: unitId, path });
    const like = `${escapeLike(path)}%`;
    const [own] = await dataSource.query(`SELECT ${COUNTS_OF('?')}`, [like, like, like, like, today]);
    return toCounts(own);
  } catch (error) {
    return error as Error;
  }
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitPeopleAtRiskResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  @FieldResolver(() => PeopleAtRiskCounts, {
    nullable: true,
    description: '本单位及下级单位未化解的矛盾纠纷和关注中的重点学生数（不含姓名和记录）：心理健康中心、安全保卫处、单位负责人和教育局可见',
  })
  peopleAtRiskCounts(@Root() unit: OrgUnitReference, @Ctx() context: RequestContext): Promise<PeopleAtRiskCounts> {
    const caller = callerOf(context);
    const today = calendarDateOf(this.settings.now());
    // Every unit asked for in one request is counted by one statement.
    const loader = context.loaders.get('OrgUnit.peopleAtRiskCounts', () =>
      new DataLoader<string, PeopleAtRiskCounts>(async (unitIds) => {
        const rows: CountRow[] = await this.dataSource.query(projectedCounts(unitIds.length), [today, ...unitIds]);
        const byUnit = new Map(rows.map((row) => [row.unit_id as string, row]));
        return Promise.all(unitIds.map((id) => countsOf(this.dataSource, this.directory, caller, id, byUnit.get(id), today)));
      }),
    );
    return loader.load(unit.id);
  }
}
