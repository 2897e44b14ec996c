import { calendarDateOf, Caller, RankMetric, schoolDayStart } from '@campus/graphql';
import { OrgUnitDirectory, ProjectedOverviews } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { INSPECTION_TASK_ACCESS } from '../inspections/inspection-task.access';
import { INSPECTION_ACCESS } from '../inspections/inspection.access';
import { SPECIAL_EQUIPMENT_ACCESS } from '../special-equipment/special-equipment.access';
import { hazardOverviews, OverviewDays } from './hazard-overview.queries';
import { HazardRankMetric, UnitHazardOverview } from './hazard-overview.types';

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
export class HazardOverviewLoader extends ProjectedOverviews<UnitHazardOverview, HazardRankMetric> {
  constructor(dataSource: DataSource, directory: OrgUnitDirectory, now: () => Date) {
    super(dataSource, directory, {
      name: 'OrgUnit.hazardOverview',
      allows: allowsOf,
      metrics: METRICS,
      compute: async (_caller, units) => {
        const overviews = await hazardOverviews(dataSource, [...new Set(units.map((unit) => unit.path))], overviewDays(now()));
        return new Map(units.map((unit) => [unit.id, overviews.get(unit.path)!]));
      },
    });
  }
}
