import { BuiltCall } from './arguments';
import { MatrixCall, judge } from './matrix';
import { ObjectRegistry } from './objects';
import { RoleScope } from './scope';
import { loadSupergraph } from './schema';

/** The matrix's verdicts, on answers as the gateway gives them: what counts as a refusal, what as a hole. */
describe('security matrix: judging an answer', () => {
  const built = (namedIds: string[]): BuiltCall => ({ query: '', variables: {}, namedIds, unresolved: [], missing: [] });
  const call = (field: string, options: Partial<MatrixCall>): MatrixCall => ({
    field,
    role: 'xx.officer',
    kind: 'bola',
    built: built(['jd-hazard']),
    many: false,
    mutation: false,
    foreign: new Set(['jd-hazard', 'jd-person']),
    ...options,
  });
  const error = (code: string, message = '不存在', extensions: Record<string, unknown> = {}) => ({ status: 200, data: null, errors: [{ message, extensions: { code, ...extensions } }] });

  it('takes a refusal code, a null object or a list without foreign objects as denied', () => {
    expect(judge(call('hazard', {}), error('NOT_FOUND')).denied).toBe(true);
    expect(judge(call('updateHazard', { mutation: true }), error('FORBIDDEN')).denied).toBe(true);
    expect(judge(call('hazard', {}), { status: 200, data: { hazard: null } }).denied).toBe(true);
    const ownOnly = { status: 200, data: { hazards: { totalCount: 1, edges: [{ node: { id: 'xx-hazard' } }] } } };
    expect(judge(call('hazards', { many: true, kind: 'read', built: built([]) }), ownOnly).denied).toBe(true);
  });

  it('takes BAD_USER_INPUT as denied only when it names the foreign id', () => {
    expect(judge(call('hazard', {}), error('BAD_USER_INPUT', '输入有误：jd-hazard')).denied).toBe(true);
    expect(judge(call('hazard', {}), error('BAD_USER_INPUT', '输入有误', { fields: [{ field: 'input.placeId', message: '只能选一个' }] })).denied).toBe(false);
    expect(judge(call('hazard', {}), error('BAD_USER_INPUT', '输入有误：title：太长', { fields: [{ field: 'input.title' }] }))).toMatchObject({ denied: false });
    expect(judge(call('hazard', {}), error('CONFLICT', '版本不符'))).toMatchObject({ denied: false });
    expect(judge(call('hazard', {}), error('INTERNAL_SERVER_ERROR'))).toMatchObject({ denied: false });
  });

  it('finds a hole: a foreign object anywhere in the answer, a mutation that succeeds, a non-list answered for a foreign id', () => {
    const nested = { status: 200, data: { hazards: { edges: [{ node: { id: 'xx-hazard', responsiblePerson: { id: 'jd-person' } } }] } } };
    expect(judge(call('hazards', { many: true, kind: 'read', built: built([]) }), nested)).toMatchObject({ denied: false, why: expect.stringContaining('jd-person') });
    expect(judge(call('updateHazard', { mutation: true }), { status: 200, data: { updateHazard: { hazard: { id: 'x' } } } })).toMatchObject({ denied: false });
    expect(judge(call('gridCoverage', {}), { status: 200, data: { gridCoverage: { covered: 3 } } })).toMatchObject({ denied: false });
    const partial = { status: 200, data: { hazard: { id: 'jd-hazard' } }, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] };
    expect(judge(call('hazard', {}), partial).denied).toBe(false);
  });
});

describe('security matrix: a role’s scope', () => {
  const schema = loadSupergraph();
  const registry = new ObjectRegistry();
  const unit = (id: string, parent: string | null) => ({ __typename: 'OrgUnit', id, parent: parent ? { id: parent } : null });
  registry.record(schema, { orgUnits: [unit('bureau', null), unit('school', 'bureau'), unit('xx', 'school'), unit('jd', 'school'), unit('other', 'bureau')] });
  registry.record(schema, {
    hazards: [
      { __typename: 'Hazard', id: 'h-jd', version: 3, orgUnit: { id: 'jd' } },
      { __typename: 'Hazard', id: 'h-xx', version: 1, orgUnit: { id: 'xx' } },
    ],
    plans: [{ __typename: 'EmergencyPlan', id: 'p-school', orgUnit: { id: 'school' } }],
    templates: [{ __typename: 'ChecklistTemplate', id: 'builtin', orgUnit: null, items: [{ __typename: 'ChecklistItem', id: 'item' }] }],
  });

  it('makes a sibling’s objects foreign, its own and its ancestors’ not, and shared ones never', () => {
    const xx = new RoleScope({ name: 'xx.officer', unitIds: ['xx'] }, registry);
    expect(xx.pickForeign('Hazard')).toMatchObject({ id: 'h-jd', version: 3 });
    expect(xx.pickOwn('Hazard')?.id).toBe('h-xx');
    expect(xx.pickForeign('EmergencyPlan')).toBeUndefined();
    expect([...xx.foreignIds(true)].sort()).toEqual(['h-jd', 'jd', 'other']);
    expect([...xx.foreignIds(false)]).toEqual(['h-jd']);
    const school = new RoleScope({ name: 'school.head', unitIds: ['school'] }, registry);
    expect([...school.foreignIds(true)]).toEqual(['other']);
    expect(new RoleScope({ name: '(no token)', unitIds: [] }, registry).foreignIds(false).has('builtin')).toBe(true);
  });
});
