import { BadUserInputError } from '@campus/graphql';
import { OrgUnitKind } from '../org-units/org-unit-kind';

/** What the rules need of a unit. */
export interface UnitFacts {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  path: string;
}

/** A section is an office (科室) directly under a bureau; its school must sit below that bureau. */
export function checkSectionAndSchool(section: UnitFacts, bureau: UnitFacts | null, school: UnitFacts): void {
  if (section.kind !== OrgUnitKind.OFFICE || !bureau || bureau.kind !== OrgUnitKind.BUREAU || section.parentId !== bureau.id) {
    throw new BadUserInputError([{ field: 'sectionId', message: `${section.name}不是教育局直属的股室（科室）` }]);
  }
  if (school.kind !== OrgUnitKind.SCHOOL) {
    throw new BadUserInputError([{ field: 'schoolId', message: `${school.name}不是学校` }]);
  }
  if (!school.path.startsWith(bureau.path)) {
    throw new BadUserInputError([{ field: 'schoolId', message: `${school.name}不属于${bureau.name}` }]);
  }
}

/** A lead person (包抓领导) works at the bureau itself or at one of its sections. */
export function checkLeadPerson(person: { name: string; active: boolean }, personUnit: UnitFacts, bureau: UnitFacts): void {
  if (!person.active) throw new BadUserInputError([{ field: 'leadPersonId', message: `${person.name}已停用` }]);
  const atBureau = personUnit.id === bureau.id || (personUnit.kind === OrgUnitKind.OFFICE && personUnit.parentId === bureau.id);
  if (!atBureau) throw new BadUserInputError([{ field: 'leadPersonId', message: `${person.name}不是${bureau.name}或其股室的人员` }]);
}

/** A pairing ends today or on a past day, not before it started. */
export function checkEndDate(startedOn: string, endedOn: string, today: string): void {
  if (endedOn > today) throw new BadUserInputError([{ field: 'endedOn', message: '结束日期不能晚于今天' }]);
  if (endedOn < startedOn) throw new BadUserInputError([{ field: 'endedOn', message: `结束日期不能早于起始日期${startedOn}` }]);
}
