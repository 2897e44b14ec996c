import { Caller, callerOf, RankMetric, RankOrder, rankOverviews, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { OrgUnitDirectory } from './directory';
import { projectedChildren, visibleProjectedPaths } from './unit-batch';

/** How a service computes its part of OrgUnit's overview (e.g. hazard-tracking's hazardOverview) and ranks on it. */
export interface OverviewSource<O, M extends string> {
  /** The per-request loader's name, e.g. 'OrgUnit.hazardOverview'. */
  name: string;
  /** The units whose overview the caller may see: every view rule the overview counts must cover them. */
  allows(caller: Caller): (path: string) => boolean;
  /** The overviews of units the caller sees, by unit id, in a fixed number of statements however many units. */
  compute(caller: Caller, units: { id: string; path: string }[]): Promise<Map<string, O>>;
  /** The measures a unit's children are ranked on. */
  metrics: Record<M, RankMetric<O>>;
}

export interface RankedChild {
  unit: { id: string };
  value: number | null;
  rank: number;
}

/**
 * A service's part of OrgUnit's overview and its ranking of a unit's children, through per-request loaders:
 * the units' paths (one projection statement) and their overviews (`compute`), so a county dashboard of all
 * its schools costs the same statements as one school. A unit out of the caller's scope is NOT_FOUND.
 */
export class ProjectedOverviews<O, M extends string> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly source: OverviewSource<O, M>,
  ) {}

  overview(context: RequestContext, unitId: string): Promise<O> {
    return this.loader(context).load(unitId);
  }

  /** The children the unit ranks (not its own offices) that the caller sees, ranked on one measure. */
  async ranking(context: RequestContext, unitId: string, metric: M, order: RankOrder, first: number): Promise<RankedChild[]> {
    const parent = await this.paths(context).load(unitId);
    const children = await projectedChildren(this.dataSource, parent, this.source.allows(callerOf(context)));
    const overviews = await this.loader(context).loadMany(children.map((child) => child.id));
    return rankOverviews(children.map((child) => child.id), overviews, this.source.metrics[metric], order, first).map((row) => ({
      unit: { id: row.unitId },
      value: row.value,
      rank: row.rank,
    }));
  }

  private paths(context: RequestContext): DataLoader<string, string> {
    const caller = callerOf(context);
    return context.loaders.get(`${this.source.name}.paths`, () => {
      return new DataLoader<string, string>((unitIds) => visibleProjectedPaths(this.dataSource, this.directory, caller, unitIds, this.source.allows(caller)));
    });
  }

  private loader(context: RequestContext): DataLoader<string, O> {
    const caller = callerOf(context);
    return context.loaders.get(this.source.name, () => {
      return new DataLoader<string, O>(async (unitIds) => {
        const paths = await this.paths(context).loadMany(unitIds);
        const units = unitIds.flatMap((id, index) => (typeof paths[index] === 'string' ? [{ id, path: paths[index] as string }] : []));
        const overviews = units.length ? await this.source.compute(caller, units) : new Map<string, O>();
        return unitIds.map((id, index) => (typeof paths[index] === 'string' ? overviews.get(id)! : (paths[index] as Error)));
      });
    });
  }
}
