import { registerEnumType } from 'type-graphql';

/** The order of a ranking of child units; the same enum in every subgraph, so it composes under federation. */
export enum RankOrder {
  WORST_FIRST = 'WORST_FIRST',
  BEST_FIRST = 'BEST_FIRST',
}

registerEnumType(RankOrder, {
  name: 'RankOrder',
  description: '排名顺序',
  valuesConfig: {
    WORST_FIRST: { description: '最差的在前' },
    BEST_FIRST: { description: '最好的在前' },
  },
});

/** Whether a higher value of a measure is worse (overdue hazards) or better (coverage). */
export type Direction = 'HIGHER_IS_WORSE' | 'HIGHER_IS_BETTER';

export interface RankedUnit {
  unitId: string;
  value: number | null;
  rank: number;
}

/** A measure of a unit's overview: how to read it, and whether a higher value is worse. */
export interface RankMetric<O> {
  value: (overview: O) => number | null;
  higherIsWorse: boolean;
}

/** Child units ranked on a measure of their overviews (as a per-request loader gave them); a child whose overview failed is left out. */
export function rankOverviews<O>(childIds: readonly string[], overviews: readonly (O | Error)[], metric: RankMetric<O>, order: RankOrder, first: number): RankedUnit[] {
  const values = childIds.flatMap((unitId, index) => {
    const overview = overviews[index];
    return overview instanceof Error ? [] : [{ unitId, value: metric.value(overview) }];
  });
  return rankUnits(values, metric.higherIsWorse ? 'HIGHER_IS_WORSE' : 'HIGHER_IS_BETTER', order, first);
}

/**
 * Pure: units ranked on one measure. Units without a value (nothing to measure) come last in either
 * order; ties share a rank (1, 2, 2, 4) and are ordered by unit id so pages are stable.
 */
export function rankUnits(values: { unitId: string; value: number | null }[], direction: Direction, order: RankOrder, first: number): RankedUnit[] {
  const worstFirst = order === RankOrder.WORST_FIRST;
  const higherFirst = (direction === 'HIGHER_IS_WORSE') === worstFirst;
  const sorted = [...values].sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.unitId.localeCompare(b.unitId);
    return (higherFirst ? b.value - a.value : a.value - b.value) || a.unitId.localeCompare(b.unitId);
  });
  const ranked: RankedUnit[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.value === entry.value ? previous.rank : index + 1;
    ranked.push({ unitId: entry.unitId, value: entry.value, rank });
  });
  return ranked.slice(0, Math.max(0, first));
}
