import { calendarDateOf, Caller, callerOf, NotFoundError, RankMetric, RankOrder, rankOverviews, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, Not } from 'typeorm';
import { DUTY_ROSTER_ACCESS } from '../duty-rosters/duty-roster.access';
import { FIRE_ACCEPTANCE_ACCESS } from '../fire-acceptance/fire-acceptance.access';
import { GRID_REPORT_ACCESS } from '../grids/grid-report.access';
import { LETTER_ACCESS } from '../letters/letter.access';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnit, toOrgUnit } from '../org-units/org-unit.types';
import { dutyGapCounts } from './duty-gap-counts';
import { letterFigures, OverviewUnit, placeCounts } from './responsibility-overview.queries';
import { ResponsibilityRankMetric, ResponsibilityUnitRank, UnitResponsibilityOverview } from './responsibility-overview.types';
import { OrgUnitKind } from '../org-units/org-unit-kind';

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

const METRICS: Record<ResponsibilityRankMetric, RankMetric<UnitResponsibilityOverview>> = {
  GRID_COVERAGE_RATE: { value: (o) => o.gridCoverageRate, higherIsWorse: false },
  UNCOVERED_KEY_PLACES: { value: (o) => o.uncoveredKeyPlaceCount, higherIsWorse: true },
  CHILD_LETTER_SIGNED_RATE: { value: (o) => o.childLetterSignedRate, higherIsWorse: false },
  DUTY_SHIFT_GAPS: { value: (o) => o.dutyShiftGaps, higherIsWorse: true },
  BUILDINGS_WITHOUT_FIRE_ACCEPTANCE: { value: (o) => o.buildingsWithoutFireAcceptance, higherIsWorse: true },
};

/** The overview reads places, fire acceptances, letters and rosters: each one's view rule must cover the unit. */
function allowsOf(caller: Caller): (path: string) => boolean {
  return (path) =>
    ORG_UNIT_ACCESS.allows(caller, 'view', path) &&
    GRID_REPORT_ACCESS.allows(caller, 'coverage', path) &&
    LETTER_ACCESS.allows(caller, 'view', path) &&
    DUTY_ROSTER_ACCESS.allows(caller, 'view', path) &&
    FIRE_ACCEPTANCE_ACCESS.allows(caller, 'view', path);
}

/**
 * OrgUnit.responsibilityOverview and responsibilityRanking through one per-request loader: the units come
 * with their paths (this service owns them), so a batch costs the places, letters and duty statements
 * only — seven at most, however many units.
 */
export class ResponsibilityOverviewLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  overview(context: RequestContext, unit: OrgUnit): Promise<UnitResponsibilityOverview> {
    return this.loader(context).load({ id: unit.id, path: unit.path, parentId: unit.parentId });
  }

  async ranking(context: RequestContext, unit: OrgUnit, metric: ResponsibilityRankMetric, order: RankOrder, first: number): Promise<ResponsibilityUnitRank[]> {
    const allows = allowsOf(callerOf(context));
    if (!allows(unit.path)) throw new NotFoundError('单位', unit.id);
    // As the other services rank them: the unit's own offices (科室) are part of it, not ranked beside its schools.
    const children = (
      await this.dataSource.getRepository(OrgUnitEntity).find({ where: { parentId: unit.id, kind: Not(OrgUnitKind.OFFICE) }, order: { code: 'ASC' } })
    ).filter((child) => allows(child.path));
    const overviews = await this.loader(context).loadMany(children.map((child) => ({ id: child.id, path: child.path, parentId: child.parentId })));
    const byId = new Map(children.map((child) => [child.id, child]));
    return rankOverviews(children.map((child) => child.id), overviews, METRICS[metric], order, first).map((row) => ({
      unit: toOrgUnit(byId.get(row.unitId)!),
      value: row.value,
      rank: row.rank,
    }));
  }

  private loader(context: RequestContext): DataLoader<OverviewUnit, UnitResponsibilityOverview, string> {
    const allows = allowsOf(callerOf(context));
    return context.loaders.get('OrgUnit.responsibilityOverview', () => {
      return new DataLoader<OverviewUnit, UnitResponsibilityOverview, string>(
        async (units) => {
          const visible = units.filter((unit) => allows(unit.path));
          if (visible.length === 0) return units.map((unit) => new NotFoundError('单位', unit.id));
          const now = this.now();
          const today = calendarDateOf(now);
          const year = Number(today.slice(0, 4));
          const paths = [...new Set(visible.map((unit) => unit.path))];
          const places = await placeCounts(this.dataSource, paths);
          const letters = await letterFigures(this.dataSource, visible, year);
          const duty = await dutyGapCounts(this.dataSource, paths, today);
          return units.map((unit) => {
            if (!allows(unit.path)) return new NotFoundError('单位', unit.id);
            const place = places.get(unit.path)!;
            const letter = letters.get(unit.id)!;
            const gaps = duty.get(unit.path)!;
            return {
              placeCount: place.places,
              keyPlaceCount: place.key_places,
              uncoveredPlaceCount: place.uncovered,
              uncoveredKeyPlaceCount: place.uncovered_key,
              gridCoverageRate: rate(place.places - place.uncovered, place.places),
              buildingsWithoutFireAcceptance: place.unaccepted,
              letterYear: year,
              letterStatus: letter.status,
              childUnits: letter.childUnits,
              childLettersSigned: letter.childSigned,
              childLetterSignedRate: rate(letter.childSigned, letter.childUnits),
              dutyShiftGaps: gaps.gaps,
              dutyShiftsWithoutLeader: gaps.no_leader,
              dutyShiftsWithoutOfficer: gaps.no_officer,
            };
          });
        },
        { cacheKeyFn: (unit) => unit.id },
      );
    });
  }
}
