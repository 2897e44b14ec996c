import { subtreeCondition } from '@campus/database';
import { Caller, calendarDateOf, orgUnitReference, schoolDayEnd, schoolDayStart } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EMERGENCY_PLAN_ACCESS } from '../emergency-plans/emergency-plan.access';
import { EmergencyPlan, toEmergencyPlan } from '../emergency-plans/emergency-plan.types';
import type { EducationSettings } from '../service';
import { DRILL_ACCESS } from './drill.access';
import { DrillEntity, DrillProblemEntity } from './drill.entity';
import { Drill, DrillGapReport, DrillProblem, toDrill, toDrillProblem } from './drill.types';
import { DrillStatus, DrillType } from './drill-enums';
import { termOf } from './drill-term';

/** What hangs from drills (problems, units, plans) and from plans (their drills), one statement per kind per request; and the missing-drill list. */
export class DrillReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  /** A visible drill's problems, by number. */
  problems(caller: Caller, drillId: string): Promise<DrillProblem[]> {
    const loader = caller.loaders.get('Drill.problems', () =>
      new DataLoader<string, DrillProblem[]>(async (ids) => {
        const rows = await this.dataSource.manager
          .getRepository(DrillProblemEntity)
          .createQueryBuilder('p')
          .where('p.drill_id IN (:...ids)', { ids })
          .orderBy('p.seq')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.drillId === id).map(toDrillProblem));
      }),
    );
    return loader.load(drillId);
  }

  /** A visible drill's participating units (the organiser first). */
  units(caller: Caller, drill: Drill): Promise<string[]> {
    const loader = caller.loaders.get('Drill.participatingUnits', () =>
      new DataLoader<string, string[]>(async (ids) => {
        const rows: { drill_id: string; org_unit_id: string }[] = await this.dataSource.manager
          .createQueryBuilder()
          .select(['u.drill_id AS drill_id', 'u.org_unit_id AS org_unit_id'])
          .from('drill_unit', 'u')
          .where('u.drill_id IN (:...ids)', { ids })
          .getRawMany();
        return ids.map((id) => rows.filter((row) => row.drill_id === id).map((row) => row.org_unit_id));
      }),
    );
    return loader.load(drill.id).then((ids) => [...ids].sort((a, b) => Number(b === drill.orgUnit?.id) - Number(a === drill.orgUnit?.id)));
  }

  /** The plan a drill exercised, or null when the viewer does not see it. */
  async plan(caller: Caller, planId: string | null): Promise<EmergencyPlan | null> {
    if (!planId) return null;
    const plan = await EMERGENCY_PLAN_ACCESS.loader(caller.loaders, this.dataSource.manager, caller, 'view').load(planId);
    return plan ? toEmergencyPlan(plan) : null;
  }

  /** EmergencyPlan.drills: the drills (the viewer sees) that exercised a plan, latest planned first. */
  planDrills(caller: Caller, planId: string): Promise<Drill[]> {
    const loader = caller.loaders.get('EmergencyPlan.drills', () =>
      new DataLoader<string, Drill[]>(async (ids) => {
        const scope = DRILL_ACCESS.where(caller, 'view', 'd.org_path');
        const rows = await this.dataSource.manager
          .getRepository(DrillEntity)
          .createQueryBuilder('d')
          .where('d.emergency_plan_id IN (:...ids)', { ids })
          .andWhere(scope.sql, scope.params)
          .orderBy('d.planned_date', 'DESC')
          .addOrderBy('d.id', 'DESC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.emergencyPlanId === id).map(toDrill));
      }),
    );
    return loader.load(planId);
  }

  /**
   * The units at and below a unit (of the kinds asked) that neither organised nor took part in a held drill
   * of the type in the term of `day` (today by default): e.g. 疏散演练 each semester. One statement.
   */
  async gaps(caller: Caller, orgUnitId: string, type: DrillType, day: string | undefined, kinds: string[] | undefined): Promise<DrillGapReport> {
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    DRILL_ACCESS.checkRole(caller, 'view', path);
    const term = termOf(day ?? calendarDateOf(this.settings.now()));
    const subtree = subtreeCondition('u.path', path, 'root');
    const query = this.dataSource.manager
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect(
        `EXISTS (SELECT 1 FROM drill_unit du JOIN drill d ON d.id = du.drill_id
          WHERE du.org_unit_id = u.id AND d.drill_type = :type AND d.status IN (:...held)
            AND d.started_at >= :termStart AND d.started_at < :termEnd)`,
        'held',
      )
      .from('org_unit_projection', 'u')
      .where(subtree.sql, subtree.params)
      .setParameters({ type, held: [DrillStatus.HELD, DrillStatus.EVALUATED], termStart: schoolDayStart(term.start), termEnd: schoolDayEnd(term.end) })
      .orderBy('u.path');
    if (kinds?.length) query.andWhere('u.kind IN (:...kinds)', { kinds });
    const rows: { id: string; held: number | string }[] = await query.getRawMany();
    return {
      type,
      termLabel: term.label,
      termStart: term.start,
      termEnd: term.end,
      unitsChecked: rows.length,
      unitsMissing: rows.filter((row) => Number(row.held) === 0).map((row) => orgUnitReference(row.id)),
    };
  }
}
