import { subtreeCondition } from '@campus/database';
import { Caller, ExportFile, XLSX_CONTENT_TYPE } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PersonEntity } from '../people/person.entity';
import { PlaceEntity } from '../places/place.entity';
import { toPlace } from '../places/place.types';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { today } from './grid-assignment.service';
import { GRID_REPORT_ACCESS } from './grid-report.access';
import { GridRole } from './grid-role';
import { GridEntity } from './grid.entity';
import { GridCoverage, GridRosterRow } from './grid.types';
import { buildRosterWorkbook } from './roster-workbook';

export class GridReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** Today's roster of the unit's grids (and those below it): active people in running terms. */
  async roster(caller: Caller, orgUnitId: string): Promise<GridRosterRow[]> {
    const unit = await this.unitFor(caller, 'roster', orgUnitId);
    return this.currentRoster(unit.path);
  }

  /**
   * The roster as posted (公示): anyone whose scope covers the unit, and every person of the unit or of a
   * unit below it whatever their role; other units' people read NOT_FOUND.
   */
  async notice(caller: Caller, orgUnitId: string): Promise<GridRosterRow[]> {
    const manager = this.dataSource.manager;
    const unit = await manager.findOneBy(OrgUnitEntity, { id: orgUnitId });
    const me = caller.viewer.personId ? await manager.findOneBy(PersonEntity, { id: caller.viewer.personId }) : null;
    const member = GRID_REPORT_ACCESS.guardMember(caller, 'notice', orgUnitId, unit, me?.active ? me.orgPath : null);
    return this.currentRoster(member.path);
  }

  async rosterWorkbook(caller: Caller, orgUnitId: string): Promise<ExportFile> {
    const unit = await this.unitFor(caller, 'roster', orgUnitId);
    const rows = await this.currentRoster(unit.path);
    const day = today();
    const content = await buildRosterWorkbook(unit.name, day, rows);
    return { filename: `网格公示-${unit.code}-${day}.xlsx`, contentType: XLSX_CONTENT_TYPE, base64: content.toString('base64') };
  }

  /** Places in use in the unit's subtree, and those of them no grid covers. */
  async coverage(caller: Caller, orgUnitId: string): Promise<GridCoverage> {
    const unit = await this.unitFor(caller, 'coverage', orgUnitId);
    const subtree = subtreeCondition('p.org_path', unit.path, 'unitPath');
    const inUse = () => this.dataSource.getRepository(PlaceEntity).createQueryBuilder('p').where(subtree.sql, subtree.params).andWhere('p.active = 1');
    const counts = await inUse()
      .select('COUNT(*)', 'places')
      .addSelect('COALESCE(SUM(p.key_place), 0)', 'keyPlaces')
      .getRawOne<{ places: string; keyPlaces: string }>();
    const uncovered = (await inUse().andWhere('p.grid_id IS NULL').orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getMany()).map(toPlace);
    const uncoveredKeyPlaces = uncovered.filter((place) => place.keyPlace);
    return {
      orgUnitId: unit.id,
      placeCount: Number(counts?.places ?? 0),
      keyPlaceCount: Number(counts?.keyPlaces ?? 0),
      uncoveredPlaceCount: uncovered.length,
      uncoveredKeyPlaceCount: uncoveredKeyPlaces.length,
      uncoveredPlaces: uncovered,
      uncoveredKeyPlaces,
    };
  }

  /** The unit reported on: NOT_FOUND out of scope, FORBIDDEN without a role for the report (the roster carries full phone numbers). */
  private async unitFor(caller: Caller, report: 'coverage' | 'roster', orgUnitId: string): Promise<OrgUnitEntity> {
    const unit = await this.orgUnits.getVisible(caller, orgUnitId);
    GRID_REPORT_ACCESS.checkRole(caller, report, unit.path);
    return unit;
  }

  private async currentRoster(unitPath: string): Promise<GridRosterRow[]> {
    const subtree = subtreeCondition('g.org_path', unitPath, 'unitPath');
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['g.id AS gridId', 'g.name AS gridName', 'g.level AS level', 'a.role AS role'])
      .addSelect(['p.id AS personId', 'p.name AS personName', 'p.phone AS phone'])
      .from(GridAssignmentEntity, 'a')
      .innerJoin(GridEntity, 'g', 'g.id = a.grid_id')
      .innerJoin(PersonEntity, 'p', 'p.id = a.person_id')
      .where(subtree.sql, subtree.params)
      .andWhere('a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today)', { today: today() })
      .andWhere('p.active = 1')
      .orderBy('g.level', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      // LEADER sorts before SAFETY_OFFICER: the grid's leader heads its rows.
      .addOrderBy('a.role', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      gridId: String(row.gridId),
      gridName: String(row.gridName),
      level: Number(row.level),
      role: row.role as GridRole,
      personId: String(row.personId),
      personName: String(row.personName),
      phone: row.phone === null ? null : String(row.phone),
    }));
  }
}
