import { mayContain, OrgUnitKind } from './org-unit-kind';

const { BUREAU, SCHOOL, COLLEGE, DEPARTMENT, OFFICE } = OrgUnitKind;

describe('mayContain', () => {
  it.each([
    [BUREAU, BUREAU],
    [BUREAU, SCHOOL],
    [SCHOOL, COLLEGE],
    [SCHOOL, DEPARTMENT],
    [COLLEGE, OFFICE],
    [DEPARTMENT, OFFICE],
    [OFFICE, OFFICE],
  ])('allows %s to contain %s', (parent, child) => {
    expect(mayContain(parent, child)).toBe(true);
  });

  it.each([
    [SCHOOL, BUREAU],
    [SCHOOL, SCHOOL],
    [SCHOOL, OFFICE],
    [BUREAU, COLLEGE],
    [BUREAU, OFFICE],
    [COLLEGE, COLLEGE],
    [COLLEGE, DEPARTMENT],
    [OFFICE, COLLEGE],
  ])('refuses %s containing %s', (parent, child) => {
    expect(mayContain(parent, child)).toBe(false);
  });
});
