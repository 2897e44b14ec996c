import { calendarDateOf, Caller, callerOf, RankMetric, RankOrder, rankOverviews, RequestContext, schoolDayStart } from '@campus/graphql';
import { OrgUnitDirectory, projectedChildren, visibleProjectedPaths } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { INSPECTION_TASK_ACCESS } from '../inspections/inspection-task.access';
import { INSPECTION_ACCESS } from '../inspections/inspection.access';
import { SPECIAL_EQUIPMENT_ACCESS } from '../special-equipment/special-equipment.access';
import { hazardOverviews, OverviewDays } from './hazard-overview.queries';
import { HazardRankMetric, HazardUnitRank, UnitHazardOverview } from './hazard-overview.types';

/** Today, the first of its month and the start of its year, in Asia/Shanghai. */
export function overviewDays(now: Date): OverviewDays {
  const today = calendarDateOf(now);
  return { today, monthStart: `${today.slice(0, 7)}-01`, yearStart: schoolDayStart(`${today.slice(0, 4)}-01-01`) };
}

const METRICS: Record<HazardRankMetric, RankMetric<UnitHazardOverview>> = {
  OPEN_HAZARDS: { value: (o) => o.open, higherIsWorse: true },
  MAJOR_OPEN_HAZARDS: { value: (o) => o.majorOpen, higherIsWorse: true },
  OVERDUE_HAZARDS: { value: (o) => o.overdue, higherIsWorse: true },
  RECTIFICATION_RATE: { value: (o) => o.rectificationRate, higherIsWorse: false },
  INSPECTION_COMPLETION_RATE: { value: (o) => o.inspectionCompletionRate, higherIsWorse: false },
  SPECIAL_EQUIPMENT_OVERDUE: { value: (o) => o.specialEquipmentOverdue, higherIsWorse: true },
};

/** The overview counts hazards, inspections and special equipment: each one's view rule must cover the unit. */
function allowsOf(caller: Caller): (path: string) => boolean {
  return (path) =>
    HAZARD_ACCESS.allows(caller, 'view', path) &&
    INSPECTION_TASK_ACCESS.allows(caller, 'view', path) &&
    INSPECTION_ACCESS.allows(caller, 'view', path) &&
    SPECIAL_EQUIPMENT_ACCESS.allows(caller, 'view', path);
}

/**
 * OrgUnit.hazardOverview and hazardRanking through one per-request loader: every unit asked for in a
 * request (a county dashboard's schools, a ranking's children) costs the same few statements.
 */
export class HazardOverviewLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  overview(context: RequestContext, unitId: string): Promise<UnitHazardOverview> {
    return this.loader(context).load(unitId);
  }

  async ranking(context: RequestContext, unitId: string, metric: HazardRankMetric, order: RankOrder, first: number): Promise<HazardUnitRank[]> {
    const allows = allowsOf(callerOf(context));
    const parent = await this.paths(context).load(unitId);
    const children = await projectedChildren(this.dataSource, parent, allows);
    const overviews = await this.loader(context).loadMany(children.map((child) => child.id));
    return rankOverviews(children.map((child) => child.id), overviews, METRICS[metric], order, first).map((row) => ({
      unit: { id: row.unitId },
      value: row.value,
      rank: row.rank,
    }));
  }

  /** Visible paths of units, one projection statement per batch. */
  private paths(context: RequestContext): DataLoader<string, string> {
    const caller = callerOf(context);
    return context.loaders.get('OrgUnit.hazardOverview.paths', () => {
      return new DataLoader<string, string>((unitIds) =>
        visibleProjectedPaths(this.dataSource, this.directory, caller, unitIds, allowsOf(caller)),
      );
    });
  }

  private loader(context: RequestContext): DataLoader<string, UnitHazardOverview> {
    return context.loaders.get('OrgUnit.hazardOverview', () => {
      return new DataLoader<string, UnitHazardOverview>(async (unitIds) => {
        const paths = await this.paths(context).loadMany(unitIds);
        const visible = [...new Set(paths.filter((path): path is string => typeof path === 'string'))];
        if (visible.length === 0) return paths as Error[];
        const overviews = await hazardOverviews(this.dataSource, visible, overviewDays(this.now()));
        return paths.map((path) => (typeof path === 'string' ? overviews.get(path)! : path));
      });
    });
  }
}
