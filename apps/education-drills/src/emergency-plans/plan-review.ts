import { subtreeCondition } from '@campus/database';
import { Caller, calendarDateOf } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { EducationSettings } from '../service';
import { EMERGENCY_PLAN_ACCESS } from './emergency-plan.access';
import { EmergencyPlanStatus } from './emergency-plan-enums';
import { EmergencyPlanEntity } from './emergency-plan.entity';
import { EmergencyPlan, toEmergencyPlan } from './emergency-plan.types';
import { EmergencyPlanRevisionEntity } from './plan-revision.entity';
import { EmergencyPlanRevision, toEmergencyPlanRevision } from './plan-revision.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A plan's revisions (one statement per request for all plans asked) and the plans whose review falls due. */
export class PlanReviewReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  /** EmergencyPlan.revisions of a plan the caller already sees, oldest first. */
  revisions(caller: Caller, planId: string): Promise<EmergencyPlanRevision[]> {
    const loader = caller.loaders.get('EmergencyPlan.revisions', () =>
      new DataLoader<string, EmergencyPlanRevision[]>(async (ids) => {
        const rows = await this.dataSource.manager
          .getRepository(EmergencyPlanRevisionEntity)
          .createQueryBuilder('r')
          .where('r.plan_id IN (:...ids)', { ids })
          .orderBy('r.plan_id')
          .addOrderBy('r.number')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.planId === id).map(toEmergencyPlanRevision));
      }),
    );
    return loader.load(planId);
  }

  /** EmergencyPlan.currentRevision: the latest approval, from the same statement as the list. */
  async currentRevision(caller: Caller, planId: string): Promise<EmergencyPlanRevision | null> {
    const revisions = await this.revisions(caller, planId);
    return revisions[revisions.length - 1] ?? null;
  }

  /**
   * Approved plans of the unit and below (those the caller sees) whose next review is due within `days` of
   * today or already overdue, the most overdue first. One statement.
   */
  async dueForReview(caller: Caller, orgUnitId: string, days: number): Promise<EmergencyPlan[]> {
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    EMERGENCY_PLAN_ACCESS.checkRole(caller, 'view', path);
    const today = calendarDateOf(this.settings.now());
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    const subtree = subtreeCondition('p.org_path', path, 'root');
    const scope = EMERGENCY_PLAN_ACCESS.where(caller, 'view', 'p.org_path');
    const rows = await this.dataSource
      .getRepository(EmergencyPlanEntity)
      .createQueryBuilder('p')
      .where(subtree.sql, subtree.params)
      .andWhere(scope.sql, scope.params)
      .andWhere('p.status = :approved', { approved: EmergencyPlanStatus.APPROVED })
      .andWhere('p.next_review_due <= :horizon', { horizon })
      .orderBy('p.next_review_due', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    return rows.map(toEmergencyPlan);
  }
}
