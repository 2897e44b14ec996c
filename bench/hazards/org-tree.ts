import { apportion, Random } from './random';

/**
 * A province-scale organisation: the province bureau (the bootstrapped root) → 14 city bureaus → about
 * 100 county bureaus → the schools, each with a few departments or colleges, a few staff and places.
 */
export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: 'BUREAU' | 'SCHOOL' | 'COLLEGE' | 'DEPARTMENT';
  parentId: string | null;
  path: string;
  depth: number;
}

export interface Person {
  id: string;
  name: string;
  unit: Unit;
  position: string;
}

export interface Place {
  id: string;
  name: string;
  unit: Unit;
  kind: 'BUILDING' | 'OPEN_AREA';
  function: string;
  keyPlace: boolean;
}

export interface School {
  unit: Unit;
  county: Unit;
  /** Where its hazards are registered: the school itself and its departments/colleges. */
  units: Unit[];
  staff: Person[];
  places: Place[];
  /** Relative size (long tail): hazards are shared out in proportion. */
  weight: number;
}

export interface OrgTree {
  root: Unit;
  cities: Unit[];
  counties: Unit[];
  schools: School[];
  units: Unit[];
  people: Person[];
  places: Place[];
}

const CITIES = ['兰州', '嘉峪关', '金昌', '白银', '天水', '武威', '张掖', '平凉', '酒泉', '庆阳', '定西', '陇南', '临夏', '甘南'];
const COUNTIES_PER_CITY = [12, 4, 3, 6, 8, 5, 7, 8, 7, 9, 8, 10, 8, 5];

/** School types: share of schools, size multiplier, departments/colleges they have. */
const SCHOOL_TYPES = [
  { label: '小学', share: 55, size: 0.6, departments: ['政教处', '总务处'] },
  { label: '初级中学', share: 25, size: 1, departments: ['政教处', '总务处', '教务处'] },
  { label: '高级中学', share: 10, size: 1.6, departments: ['政教处', '总务处', '教务处', '安全保卫处'] },
  { label: '职业学校', share: 7, size: 2.2, departments: ['安全保卫处', '后勤管理处', '学生工作处', '机电工程系', '信息技术系'] },
  { label: '学院', share: 3, size: 4.5, departments: ['安全保卫处', '后勤管理处', '学生工作处', '教务处', '信息工程学院', '机电工程学院', '护理学院', '经济管理学院'] },
] as const;

const PLACES = [
  { name: '教学楼', function: 'TEACHING', kind: 'BUILDING', key: false },
  { name: '实验楼', function: 'LAB', kind: 'BUILDING', key: true },
  { name: '学生食堂', function: 'CANTEEN', kind: 'BUILDING', key: true },
  { name: '学生宿舍楼', function: 'DORMITORY', kind: 'BUILDING', key: true },
  { name: '体育馆', function: 'SPORTS', kind: 'BUILDING', key: false },
  { name: '配电房', function: 'OTHER', kind: 'BUILDING', key: true },
  { name: '校门口', function: 'GATE', kind: 'OPEN_AREA', key: false },
  { name: '图书馆', function: 'LIBRARY', kind: 'BUILDING', key: false },
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕俊峰红梅晓东';

export function personName(random: Random): string {
  const given = random.chance(0.6) ? 2 : 1;
  let name = random.pick([...SURNAMES]);
  for (let k = 0; k < given; k++) name += random.pick([...GIVEN]);
  return name;
}

export function buildOrgTree(random: Random, root: Unit, schoolCount: number): OrgTree {
  const units: Unit[] = [];
  const child = (parent: Unit, code: string, name: string, kind: Unit['kind']): Unit => {
    const id = random.hex(32);
    const unit = { id, code, name, kind, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1 };
    units.push(unit);
    return unit;
  };
  const cities = CITIES.map((city, index) => child(root, `C${String(index + 1).padStart(2, '0')}`, `${city}市教育局`, 'BUREAU'));
  const counties = cities.flatMap((city, index) =>
    Array.from({ length: COUNTIES_PER_CITY[index] }, (_, k) =>
      child(city, `${city.code}K${String(k + 1).padStart(2, '0')}`, `${CITIES[index]}市第${k + 1}县教育局`, 'BUREAU'),
    ),
  );
  const perCounty = apportion(schoolCount, counties.map(() => random.logNormal(0, 0.5)), 5);
  const typeOf = (n: number) => {
    let left = n % 100;
    for (const type of SCHOOL_TYPES) {
      if (left < type.share) return type;
      left -= type.share;
    }
    return SCHOOL_TYPES[0];
  };
  const schools: School[] = [];
  const people: Person[] = [];
  const places: Place[] = [];
  counties.forEach((county, countyIndex) => {
    for (let k = 0; k < perCounty[countyIndex]; k++) {
      const n = schools.length + 1;
      const type = typeOf(random.int(0, 99));
      const code = `S${String(n).padStart(4, '0')}`;
      const unit = child(county, code, `${county.name.replace('教育局', '')}第${k + 1}${type.label}`, 'SCHOOL');
      const departments = type.departments.map((name, d) =>
        child(unit, `${code}-D${d + 1}`, name, name.endsWith('学院') || name.endsWith('系') ? 'COLLEGE' : 'DEPARTMENT'),
      );
      const staff = [unit, ...departments].flatMap((owner, d) =>
        Array.from({ length: d === 0 ? 3 : 1 }, (_, s) => ({
          id: random.hex(32),
          name: personName(random),
          unit: owner,
          position: d === 0 ? ['校长', '安全副校长', '安全干事'][s] : `${owner.name}安全员`,
        })),
      );
      const schoolPlaces = PLACES.slice(0, Math.min(PLACES.length, 3 + departments.length)).map((place) => ({
        id: random.hex(32),
        name: place.name,
        unit,
        kind: place.kind,
        function: place.function,
        keyPlace: place.key,
      }));
      people.push(...staff);
      places.push(...schoolPlaces);
      schools.push({ unit, county, units: [unit, ...departments], staff, places: schoolPlaces, weight: type.size * random.logNormal(0, 0.75) });
    }
  });
  return { root, cities, counties, schools, units, people, places };
}
