import { OrgUnitKind } from '../org-units/org-unit-kind';
import { checkEndDate, checkLeadPerson, checkSectionAndSchool, UnitFacts } from './section-pairing-rules';

const bureau: UnitFacts = { id: 'b', name: '某县教育体育局', kind: OrgUnitKind.BUREAU, parentId: null, path: '/b/' };
const section: UnitFacts = { id: 's', name: '安全股', kind: OrgUnitKind.OFFICE, parentId: 'b', path: '/b/s/' };
const school: UnitFacts = { id: 'y', name: '县第一中学', kind: OrgUnitKind.SCHOOL, parentId: 'b', path: '/b/y/' };

function fieldsOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { fields?: unknown } }).extensions?.fields ?? (error as { fields?: unknown }).fields;
  }
  return null;
}

describe('section pairing rules', () => {
  it('accepts a section directly under the bureau paired with a school of that bureau', () => {
    expect(() => checkSectionAndSchool(section, bureau, school)).not.toThrow();
  });

  it('refuses a unit that is not an office directly under a bureau as the section', () => {
    const office = { ...section, parentId: 'y', path: '/b/y/s/' };
    expect(fieldsOf(() => checkSectionAndSchool(office, school, school))).toEqual([{ field: 'sectionId', message: '安全股不是教育局直属的股室（科室）' }]);
    expect(fieldsOf(() => checkSectionAndSchool({ ...school }, bureau, school))).toEqual([{ field: 'sectionId', message: '县第一中学不是教育局直属的股室（科室）' }]);
  });

  it('refuses a school that is not a school or belongs to another bureau', () => {
    expect(fieldsOf(() => checkSectionAndSchool(section, bureau, { ...section, name: '教育股' }))).toEqual([{ field: 'schoolId', message: '教育股不是学校' }]);
    expect(fieldsOf(() => checkSectionAndSchool(section, bureau, { ...school, path: '/o/y/' }))).toEqual([{ field: 'schoolId', message: '县第一中学不属于某县教育体育局' }]);
  });

  it('takes a lead person from the bureau or one of its sections, active', () => {
    expect(() => checkLeadPerson({ name: '局长', active: true }, bureau, bureau)).not.toThrow();
    expect(() => checkLeadPerson({ name: '股长', active: true }, section, bureau)).not.toThrow();
    expect(fieldsOf(() => checkLeadPerson({ name: '王老师', active: true }, school, bureau))).toEqual([
      { field: 'leadPersonId', message: '王老师不是某县教育体育局或其股室的人员' },
    ]);
    expect(fieldsOf(() => checkLeadPerson({ name: '股长', active: false }, section, bureau))).toEqual([{ field: 'leadPersonId', message: '股长已停用' }]);
  });

  it('ends a pairing on a day between its start and today', () => {
    expect(() => checkEndDate('2026-01-01', '2026-03-01', '2026-03-01')).not.toThrow();
    expect(fieldsOf(() => checkEndDate('2026-01-01', '2026-03-02', '2026-03-01'))).toEqual([{ field: 'endedOn', message: '结束日期不能晚于今天' }]);
    expect(fieldsOf(() => checkEndDate('2026-01-01', '2025-12-31', '2026-03-01'))).toEqual([{ field: 'endedOn', message: '结束日期不能早于起始日期2026-01-01' }]);
  });
});
