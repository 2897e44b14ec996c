import { SqlCondition } from '@campus/database';
import { Caller, callerOf, calendarDateOf, ConnectionShape, loadUnitConnection, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { RectificationState } from './supervision-enums';
import { countFinding, emptyCounts, rectificationStateOf, StateCounts } from './supervision-rectification';
import { FINDING_ACCESS } from './supervision.access';
import { findingFromRow, SupervisionEntity, SupervisionFindingEntity, SupervisionHazardEntity, SupervisionUnitEntity } from './supervision.entity';
import { SupervisionFindingFilter } from './supervision.inputs';
import { findingPhotos, SupervisionFindingPhoto } from './supervision-photos';
import { FindingHazard, SupervisionFinding, SupervisionInspection, toFinding, toFindingHazard, toSupervision } from './supervision.types';

/** What hangs from inspections and findings, one statement per kind per request; and OrgUnit.supervisionFindings. */
export class SupervisionReads {
  constructor(private readonly dataSource: DataSource) {}

  /** The inspected units of a (visible) inspection. */
  units(caller: Caller, supervisionId: string): Promise<string[]> {
    const loader = caller.loaders.get('SupervisionInspection.inspectedUnits', () =>
      new DataLoader<string, string[]>(async (ids) => {
        const rows = await this.dataSource.manager.find(SupervisionUnitEntity, { where: { supervisionId: In([...ids]) }, order: { orgPath: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.supervisionId === id).map((row) => row.orgUnitId));
      }),
    );
    return loader.load(supervisionId);
  }

  /** The findings of a (visible) inspection the viewer sees: all of them for the organiser's scope, an inspected unit's own otherwise. */
  findings(caller: Caller, supervisionId: string): Promise<SupervisionFindingEntity[]> {
    const loader = caller.loaders.get('SupervisionInspection.findings', () =>
      new DataLoader<string, SupervisionFindingEntity[]>(async (ids) => {
        const scope = FINDING_ACCESS.where(caller, 'view', 'f.org_path');
        const rows = await this.dataSource.manager
          .getRepository(SupervisionFindingEntity)
          .createQueryBuilder('f')
          .where('f.supervision_id IN (:...ids)', { ids })
          .andWhere(scope.sql, scope.params)
          .orderBy('f.seq')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.supervisionId === id));
      }),
    );
    return loader.load(supervisionId);
  }

  /** The hazard a (visible) finding became, as hazard-tracking's events told it; null until registered. */
  hazardOf(caller: Caller, findingId: string): Promise<SupervisionHazardEntity | null> {
    const loader = caller.loaders.get('SupervisionFinding.hazard', () =>
      new DataLoader<string, SupervisionHazardEntity | null>(async (ids) => {
        const rows = await this.dataSource.manager.find(SupervisionHazardEntity, { where: { findingId: In([...ids]) } });
        return ids.map((id) => rows.find((row) => row.findingId === id) ?? null);
      }),
    );
    return loader.load(findingId);
  }

  async hazard(caller: Caller, finding: SupervisionFinding): Promise<FindingHazard | null> {
    const hazard = await this.hazardOf(caller, finding.id);
    return hazard ? toFindingHazard(hazard) : null;
  }

  async rectification(caller: Caller, finding: SupervisionFinding): Promise<RectificationState> {
    return rectificationStateOf(finding, await this.hazardOf(caller, finding.id), calendarDateOf(new Date()));
  }

  /** The photos of a (visible) finding, oldest first. */
  photos(caller: Caller, findingId: string): Promise<SupervisionFindingPhoto[]> {
    return findingPhotos(this.dataSource, caller, findingId);
  }

  /** Counts of the findings the viewer sees, by severity and rectification state. */
  async stats(caller: Caller, supervisionId: string): Promise<StateCounts> {
    const findings = await this.findings(caller, supervisionId);
    const today = calendarDateOf(new Date());
    const hazards = await Promise.all(findings.map((finding) => this.hazardOf(caller, finding.id)));
    return findings.reduce((counts, finding, index) => countFinding(counts, finding, rectificationStateOf(finding, hazards[index], today)), emptyCounts());
  }

  /** The inspection of a finding the viewer sees (seeing one of its findings, they see the inspection as its unit). */
  supervisionOf(caller: Caller, supervisionId: string): Promise<SupervisionInspection | null> {
    const loader = caller.loaders.get('SupervisionFinding.supervision', () =>
      new DataLoader<string, SupervisionInspection | null>(async (ids) => {
        const rows = await this.dataSource.manager.find(SupervisionEntity, { where: { id: In([...ids]) } });
        return ids.map((id) => {
          const row = rows.find((candidate) => candidate.id === id);
          return row ? toSupervision(row) : null;
        });
      }),
    );
    return loader.load(supervisionId);
  }

  /** OrgUnit.supervisionFindings: what inspections found in a unit, newest first; one statement for all units of a request. */
  unitFindings(context: RequestContext, unitId: string, filter: SupervisionFindingFilter, first: number, after: string | null | undefined): Promise<ConnectionShape<SupervisionFinding>> {
    const conditions: SqlCondition[] = [FINDING_ACCESS.where(callerOf(context), 'view', 't.org_path')];
    if (filter.severity?.length) conditions.push({ sql: 't.severity IN (:...findingSeverity)', params: { findingSeverity: filter.severity } });
    return loadUnitConnection(context, unitId, {
      field: 'OrgUnit.supervisionFindings',
      manager: this.dataSource.manager,
      table: 'supervision_finding',
      conditions,
      args: filter,
      first,
      after,
      fromRow: findingFromRow,
      toNode: toFinding,
    });
  }
}
