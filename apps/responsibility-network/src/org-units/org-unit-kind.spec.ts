import { mayContain, OrgUnitKind } from './org-unit-kind';

const { BUREAU, SCHOOL, COLLEGE, DEPARTMENT, OFFICE, CLASS } = OrgUnitKind;

describe('mayContain', () => {
  it.each([
    [BUREAU, BUREAU],
    [BUREAU, SCHOOL],
    [SCHOOL, COLLEGE],
    [SCHOOL, DEPARTMENT],
    [COLLEGE, OFFICE],
    [DEPARTMENT, OFFICE],
    [OFFICE, OFFICE],
    [BUREAU, OFFICE],
    [SCHOOL, CLASS],
    [COLLEGE, CLASS],
  ])('allows %s to contain %s', (parent, child) => {
    expect(mayContain(parent, child)).toBe(true);
  });

  it.each([
    [SCHOOL, BUREAU],
    [SCHOOL, SCHOOL],
    [SCHOOL, OFFICE],
    [BUREAU, COLLEGE],
    [COLLEGE, COLLEGE],
    [COLLEGE, DEPARTMENT],
    [OFFICE, COLLEGE],
    [CLASS, CLASS],
    [CLASS, OFFICE],
    [BUREAU, CLASS],
    [DEPARTMENT, CLASS],
  ])('refuses %s containing %s', (parent, child) => {
    expect(mayContain(parent, child)).toBe(false);
  });
});
