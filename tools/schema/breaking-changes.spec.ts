import { checkBreakingChanges, describeFailure, parseDeclarations } from './breaking-changes';

const RELEASED = `
"""隐患"""
type Hazard { id: ID! title: String! grade: HazardGrade! placeText: String }
enum HazardGrade { GENERAL MAJOR }
type Query { hazards(first: Int): [Hazard!]! }
`;

describe('the public API against the released one', () => {
  it('passes additions and deprecations: a frontend keeps working through them', () => {
    const current = `
      type Hazard { id: ID! title: String! grade: HazardGrade! placeText: String @deprecated(reason: "请改用 place") place: String }
      enum HazardGrade { GENERAL MAJOR }
      type Query { hazards(first: Int, after: String): [Hazard!]! hazard(id: ID!): Hazard }
    `;
    expect(checkBreakingChanges(RELEASED, current, [])).toEqual({ undeclared: [], unmatched: [] });
  });

  it('fails on a removed field, a changed type, a removed enum value and a new required argument, naming each', () => {
    const current = `
      type Hazard { id: ID! title: String grade: HazardGrade! }
      enum HazardGrade { MAJOR }
      type Query { hazards(first: Int, orgUnitId: ID!): [Hazard!]! }
    `;
    const check = checkBreakingChanges(RELEASED, current, []);
    expect(check.undeclared.map((change) => change.type).sort()).toEqual(['FIELD_CHANGED_KIND', 'FIELD_REMOVED', 'REQUIRED_ARG_ADDED', 'VALUE_REMOVED_FROM_ENUM']);
    const message = describeFailure(check);
    expect(message).toContain('FIELD_REMOVED: Hazard.placeText was removed.');
    expect(message).toContain('@deprecated');
  });

  it('passes a declared breaking change, and fails a declaration that matches no change', () => {
    const current = RELEASED.replace(' placeText: String', '');
    const declared = [{ type: 'FIELD_REMOVED', description: 'Hazard.placeText was removed.', reason: '地点改由 place 字段提供' }];
    expect(checkBreakingChanges(RELEASED, current, declared)).toEqual({ undeclared: [], unmatched: [] });
    const undone = checkBreakingChanges(RELEASED, RELEASED, declared);
    expect(undone.unmatched).toEqual(declared);
    expect(describeFailure(undone)).toContain('not made');
  });

  it('reads the declarations file, and says what is wrong with a bad one', () => {
    const declared = [{ type: 'FIELD_REMOVED', description: 'Hazard.placeText was removed.', reason: '地点改由 place 字段提供' }];
    expect(parseDeclarations(JSON.stringify(declared), 'api-changes.json')).toEqual(declared);
    expect(() => parseDeclarations('[{ "type": "FIELD_REMOVED" }]', 'api-changes.json')).toThrow(/api-changes.json must be a list of \{ type, description, reason \}:\n {2}- 0.description/);
    expect(() => parseDeclarations('not json', 'api-changes.json')).toThrow(/api-changes.json is not JSON/);
  });
});
