import type { Viewer } from '@campus/auth';
import { TODO_SECTION_CAP } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { ACCOUNTABILITY_ACCESS } from '../accountability/accountability.access';
import { AccountabilityStatus } from '../accountability/accountability-enums';
import { IndicatorKind } from '../appraisal-schemes/appraisal-enums';
import { APPRAISAL_ACCESS } from '../appraisals/appraisal.access';
import { AppraisalStatus } from '../appraisals/appraisal.entity';
import { REPORT_SUBMISSION_TRANSITIONS } from '../periodic-reports/periodic-report.access';
import { ReportSubmissionEntity, ReportTemplateEntity } from '../periodic-reports/periodic-report.entity';
import { ReportTemplateStatus } from '../periodic-reports/periodic-report-enums';
import { SUPERVISION_ACCESS } from '../supervisions/supervision.access';
import { SupervisionStatus } from '../supervisions/supervision-enums';

/** Runs SQL with TypeORM named parameters (`:name`, `:...list`), as the access kit's WHERE fragments are written. */
function queryNamed<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, positional] = manager.connection.driver.escapeQueryWithParameters(sql, params, {});
  return manager.query(query, positional);
}

export interface AppraisalTodoRow {
  id: string;
  orgUnitId: string;
  orgPath: string;
  schemeName: string;
  unitName: string | null;
  unscored: number | string;
}

/**
 * Draft appraisals the viewer may score (the transition table's roles and scope) with manual indicators
 * still unscored. One statement; the service's own-unit rule is applied by the caller.
 */
export function appraisalsToScore(manager: EntityManager, viewer: Viewer): Promise<AppraisalTodoRow[]> {
  const scope = APPRAISAL_ACCESS.where({ viewer }, 'SCORE', 'a.org_path');
  return queryNamed(
    manager,
    `SELECT a.id, a.org_unit_id AS orgUnitId, a.org_path AS orgPath, s.name AS schemeName, u.name AS unitName,
            (SELECT COUNT(*) FROM appraisal_indicator i
              WHERE i.scheme_id = a.scheme_id AND i.kind = :manual
                AND NOT EXISTS (SELECT 1 FROM appraisal_value v WHERE v.appraisal_id = a.id AND v.indicator_id = i.id AND v.scored_by IS NOT NULL)) AS unscored
       FROM appraisal a JOIN appraisal_scheme s ON s.id = a.scheme_id LEFT JOIN org_unit_projection u ON u.id = a.org_unit_id
      WHERE a.status = :draft AND ${scope.sql}
     HAVING unscored > 0
      ORDER BY a.id LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, manual: IndicatorKind.MANUAL, draft: AppraisalStatus.DRAFT },
  );
}

export interface ProposalTodoRow {
  id: string;
  orgUnitId: string;
  reason: string;
  measure: string;
  issuedAt: Date;
}

/** Proposed accountability records the viewer may confirm (CONFIRM on the issuing unit's path). One statement. */
export function proposalsToConfirm(manager: EntityManager, viewer: Viewer): Promise<ProposalTodoRow[]> {
  const scope = ACCOUNTABILITY_ACCESS.where({ viewer }, 'CONFIRM', 'r.issuing_path');
  return queryNamed(
    manager,
    `SELECT r.id, r.org_unit_id AS orgUnitId, r.reason, r.measure, r.issued_at AS issuedAt
       FROM accountability_record r WHERE r.status = :proposed AND ${scope.sql}
      ORDER BY r.issued_at LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, proposed: AccountabilityStatus.PROPOSED },
  );
}

/** The units the viewer reports for: a grant at that very unit with a role of the SUBMIT step. */
export function reportingUnitsOf(viewer: Viewer): string[] {
  const roles = REPORT_SUBMISSION_TRANSITIONS.SUBMIT.roles;
  return [...new Set(viewer.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.unitId))];
}

export interface ReportDutyRows {
  targets: { template: ReportTemplateEntity; orgUnitId: string }[];
  submissions: ReportSubmissionEntity[];
}

/** The active report templates naming the units, and the units' submissions to them. Two statements, run together. */
export async function reportDutyRows(manager: EntityManager, unitIds: readonly string[]): Promise<ReportDutyRows> {
  if (!unitIds.length) return { targets: [], submissions: [] };
  const [templates, submissions] = await Promise.all([
    manager
      .getRepository(ReportTemplateEntity)
      .createQueryBuilder('r')
      .innerJoin('periodic_report_target', 't', 't.template_id = r.id')
      .addSelect('t.org_unit_id', 'target_unit_id')
      .where('r.status = :active AND t.org_unit_id IN (:...unitIds)', { active: ReportTemplateStatus.ACTIVE, unitIds })
      .orderBy('r.id')
      .limit(TODO_SECTION_CAP)
      .getRawAndEntities(),
    manager
      .getRepository(ReportSubmissionEntity)
      .createQueryBuilder('s')
      .innerJoin('periodic_report_template', 'r', 'r.id = s.template_id AND r.status = :active', { active: ReportTemplateStatus.ACTIVE })
      .where('s.org_unit_id IN (:...unitIds)', { unitIds })
      .getMany(),
  ]);
  const byId = new Map(templates.entities.map((template) => [template.id, template]));
  const targets = templates.raw.flatMap((raw: { r_id: string; target_unit_id: string }) => {
    const template = byId.get(raw.r_id);
    return template ? [{ template, orgUnitId: raw.target_unit_id }] : [];
  });
  return { targets, submissions };
}

export interface SupervisionTodoRow {
  id: string;
  title: string;
  orgUnitId: string;
  endsOn: string;
}

/** Supervision inspections under way where the viewer records findings (督导组: inspectors and admins). One statement. */
export function supervisionsInProgress(manager: EntityManager, viewer: Viewer): Promise<SupervisionTodoRow[]> {
  const scope = SUPERVISION_ACCESS.where({ viewer }, 'RECORD_FINDING', 's.org_path');
  return queryNamed(
    manager,
    `SELECT s.id, s.title, s.org_unit_id AS orgUnitId, DATE_FORMAT(s.ends_on, '%Y-%m-%d') AS endsOn
       FROM supervision s WHERE s.status = :inProgress AND ${scope.sql}
      ORDER BY s.ends_on LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, inProgress: SupervisionStatus.IN_PROGRESS },
  );
}
