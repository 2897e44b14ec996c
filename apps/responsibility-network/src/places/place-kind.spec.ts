import { mayPlaceUnder, placementProblem, PlaceKind } from './place-kind';

const { BUILDING, FLOOR, ROOM, OPEN_AREA } = PlaceKind;

describe('mayPlaceUnder', () => {
  it.each([
    [null, BUILDING],
    [null, OPEN_AREA],
    [BUILDING, OPEN_AREA],
    [BUILDING, FLOOR],
    [BUILDING, ROOM],
    [FLOOR, ROOM],
  ])('allows %s to contain %s', (parent, child) => {
    expect(mayPlaceUnder(parent, child)).toBe(true);
  });

  it.each([
    [null, FLOOR],
    [null, ROOM],
    [BUILDING, BUILDING],
    [FLOOR, FLOOR],
    [FLOOR, OPEN_AREA],
    [FLOOR, BUILDING],
    [ROOM, ROOM],
    [OPEN_AREA, ROOM],
    [OPEN_AREA, OPEN_AREA],
  ])('refuses %s containing %s', (parent, child) => {
    expect(mayPlaceUnder(parent, child)).toBe(false);
  });
});

describe('placementProblem', () => {
  it('names both kinds in Chinese', () => {
    expect(placementProblem(FLOOR, FLOOR)).toBe('楼层下不能设立楼层');
    expect(placementProblem(null, ROOM)).toBe('房间必须设在上级场所之下');
  });
});
