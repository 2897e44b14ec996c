import { RankOrder, rankUnits } from './unit-ranking';

const values = [
  { unitId: 'c', value: 2 },
  { unitId: 'a', value: 0 },
  { unitId: 'd', value: null },
  { unitId: 'b', value: 2 },
  { unitId: 'e', value: 5 },
];

describe('rankUnits', () => {
  it('puts the highest first when higher is worse and the worst are asked for; ties share a rank, ordered by id', () => {
    expect(rankUnits(values, 'HIGHER_IS_WORSE', RankOrder.WORST_FIRST, 10)).toEqual([
      { unitId: 'e', value: 5, rank: 1 },
      { unitId: 'b', value: 2, rank: 2 },
      { unitId: 'c', value: 2, rank: 2 },
      { unitId: 'a', value: 0, rank: 4 },
      { unitId: 'd', value: null, rank: 5 },
    ]);
  });

  it('reverses for the best first or when higher is better, keeping units without a value last', () => {
    expect(rankUnits(values, 'HIGHER_IS_WORSE', RankOrder.BEST_FIRST, 10).map((row) => row.unitId)).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(rankUnits(values, 'HIGHER_IS_BETTER', RankOrder.WORST_FIRST, 10).map((row) => row.unitId)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('cuts the list at first', () => {
    expect(rankUnits(values, 'HIGHER_IS_WORSE', RankOrder.WORST_FIRST, 2)).toHaveLength(2);
    expect(rankUnits(values, 'HIGHER_IS_WORSE', RankOrder.WORST_FIRST, 0)).toEqual([]);
  });
});
