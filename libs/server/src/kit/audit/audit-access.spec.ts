import { auditAccessOf, AuditReadableAccess, registerAuditAccess } from './audit-access';

class PlainEntity {}
class ConditionalEntity {}
class SensitiveEntity {}

const accessOf = (aggregate: string, view: object | null): AuditReadableAccess => ({
  policy: { aggregate, actions: view ? { view, edit: {} } : { edit: {} } },
  find: () => Promise.resolve(null),
});

describe('which access decides who reads an object\'s trail', () => {
  const plain = accessOf('Plain', { roles: [] });
  registerAuditAccess(PlainEntity, accessOf('PlainDocument', { roles: [] }));
  registerAuditAccess(PlainEntity, plain);
  registerAuditAccess(ConditionalEntity, accessOf('Conditional', { roles: [], condition: '印发以后' }));
  registerAuditAccess(SensitiveEntity, accessOf('ScreeningRecord', { roles: [] }));

  it('is the entity\'s access whose policy names the same aggregate and views by scope and role alone', () => {
    expect(auditAccessOf(PlainEntity, 'Plain')).toBe(plain);
  });

  it('is none (the trail is refused) for another aggregate, a view with a further condition, or a sensitive record', () => {
    expect(auditAccessOf(PlainEntity, 'Other')).toBeNull();
    expect(auditAccessOf(ConditionalEntity, 'Conditional')).toBeNull();
    expect(auditAccessOf(SensitiveEntity, 'ScreeningRecord')).toBeNull();
    expect(auditAccessOf(class Unregistered {}, 'Unregistered')).toBeNull();
  });
});
