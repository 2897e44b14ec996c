/** Grids go three levels deep: 一级 (the unit), 二级, 三级 (a building or floor). */
export const MAX_GRID_LEVEL = 3;

const LEVEL_LABELS = ['一级', '二级', '三级'];

/** The level of a new grid under a parent of the given level (null: no parent), or null when too deep. */
export function levelUnder(parentLevel: number | null): number | null {
  const level = parentLevel === null ? 1 : parentLevel + 1;
  return level <= MAX_GRID_LEVEL ? level : null;
}

export function gridLevelLabel(level: number): string {
  return LEVEL_LABELS[level - 1] ?? `${level}级`;
}
