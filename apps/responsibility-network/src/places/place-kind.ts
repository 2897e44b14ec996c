import { registerEnumType } from 'type-graphql';

export enum PlaceKind {
  BUILDING = 'BUILDING',
  FLOOR = 'FLOOR',
  ROOM = 'ROOM',
  OPEN_AREA = 'OPEN_AREA',
}

registerEnumType(PlaceKind, {
  name: 'PlaceKind',
  description: '场所类型',
  valuesConfig: {
    BUILDING: { description: '楼栋' },
    FLOOR: { description: '楼层' },
    ROOM: { description: '房间' },
    OPEN_AREA: { description: '室外区域' },
  },
});

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  BUILDING: '楼栋',
  FLOOR: '楼层',
  ROOM: '房间',
  OPEN_AREA: '室外区域',
};

export enum PlaceFunction {
  DORMITORY = 'DORMITORY',
  TEACHING = 'TEACHING',
  LAB = 'LAB',
  CANTEEN = 'CANTEEN',
  LIBRARY = 'LIBRARY',
  HAZMAT_STORE = 'HAZMAT_STORE',
  WAREHOUSE = 'WAREHOUSE',
  GATE = 'GATE',
  CONSTRUCTION_SITE = 'CONSTRUCTION_SITE',
  OFFICE = 'OFFICE',
  SPORTS = 'SPORTS',
  OTHER = 'OTHER',
}

registerEnumType(PlaceFunction, {
  name: 'PlaceFunction',
  description: '场所功能',
  valuesConfig: {
    DORMITORY: { description: '宿舍' },
    TEACHING: { description: '教学楼/教室' },
    LAB: { description: '实验实训室' },
    CANTEEN: { description: '食堂' },
    LIBRARY: { description: '图书馆' },
    HAZMAT_STORE: { description: '危化品仓库' },
    WAREHOUSE: { description: '物资仓库' },
    GATE: { description: '校门' },
    CONSTRUCTION_SITE: { description: '施工现场' },
    OFFICE: { description: '办公' },
    SPORTS: { description: '体育场馆' },
    OTHER: { description: '其他' },
  },
});

/** Which kinds may sit directly under which; `null` stands for the top level (no parent). */
const ALLOWED_PARENTS: Record<PlaceKind, (PlaceKind | null)[]> = {
  BUILDING: [null],
  FLOOR: [PlaceKind.BUILDING],
  ROOM: [PlaceKind.FLOOR, PlaceKind.BUILDING],
  OPEN_AREA: [null, PlaceKind.BUILDING],
};

export function mayPlaceUnder(parentKind: PlaceKind | null, kind: PlaceKind): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** The Chinese reason a kind may not sit where it was put, for BAD_USER_INPUT. */
export function placementProblem(parentKind: PlaceKind | null, kind: PlaceKind): string {
  if (parentKind === null) return `${PLACE_KIND_LABELS[kind]}必须设在上级场所之下`;
  return `${PLACE_KIND_LABELS[parentKind]}下不能设立${PLACE_KIND_LABELS[kind]}`;
}
