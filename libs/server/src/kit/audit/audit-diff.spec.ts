import { AUDIT_CHILD_TABLES, auditValue, diffColumns, isAuditedTable, isSecretColumn, objectIdOf, objectTypeOf, parentOf, REDACTED } from './audit-diff';

describe('audit trail diffing', () => {
  it('keeps the changed fields only, with their values before and after as JSON', () => {
    const changes = diffColumns({ id: 'h1', category: 'FIRE', grade: 'GENERAL', title: 'x' }, { id: 'h1', category: 'ELECTRICAL', grade: 'MAJOR', title: 'x' });
    expect(changes).toEqual([
      { field: 'category', before: '"FIRE"', after: '"ELECTRICAL"' },
      { field: 'grade', before: '"GENERAL"', after: '"MAJOR"' },
    ]);
  });

  it('lists every set field of a create with no before, and of a delete with no after', () => {
    expect(diffColumns(null, { id: 'a', n: 1, empty: null })).toEqual([
      { field: 'id', before: null, after: '"a"' },
      { field: 'n', before: null, after: '1' },
    ]);
    expect(diffColumns({ id: 'a' }, null)).toEqual([{ field: 'id', before: '"a"', after: null }]);
  });

  it('skips bookkeeping columns (version, timestamps) and compares dates by instant', () => {
    const at = '2026-12-01T02:00:00.000Z';
    expect(diffColumns({ version: 1, updated_at: new Date(), due: new Date(at) }, { version: 2, updated_at: new Date(), due: new Date(at) })).toEqual([]);
    expect(auditValue('due', new Date(at))).toBe(JSON.stringify(at));
  });

  it('never writes a secret: a changed password hash or token reads as changed, both values redacted', () => {
    expect(diffColumns({ password_hash: '$2b$old' }, { password_hash: '$2b$new' })).toEqual([
      { field: 'password_hash', before: JSON.stringify(REDACTED), after: JSON.stringify(REDACTED) },
    ]);
    expect(diffColumns(null, { token_hash: 'abc' })[0].after).toBe(JSON.stringify(REDACTED));
    expect(diffColumns({ password_hash: 'same' }, { password_hash: 'same' })).toEqual([]);
    expect(['passwordHash', 'api_key', 'webhook_secret', 'refresh_token', 'url', 'robot_url'].every(isSecretColumn)).toBe(true);
    expect(isSecretColumn('category')).toBe(false);
  });

  it('leaves out the tables that are not a person\'s mutation, by an explicit list', () => {
    for (const table of ['audit_log', 'event_outbox', 'event_inbox', 'client_request', 'person_projection', 'org_unit_projection', 'hazard_monthly_count', 'campaign_snapshot_row', 'hazard_fact', 'education_coverage_day', 'notification_delivery']) {
      expect(isAuditedTable(table)).toBe(false);
    }
    for (const table of ['hazard', 'work_group_member', 'duty_slot', 'emergency_plan', 'appraisal_scheme', 'person', 'account', 'notification_robot', 'notification_preference']) {
      expect(isAuditedTable(table)).toBe(true);
    }
  });

  it('names objects by entity and key, and files owned rows under their aggregate', () => {
    expect(objectTypeOf('HazardEntity')).toBe('Hazard');
    expect(objectTypeOf('WorkGroupMemberEntity')).toBe('WorkGroupMember');
    expect(objectIdOf({ id: 'x1' })).toBe('x1');
    expect(objectIdOf({ slotId: 's1', personId: 'p1' })).toBe('p1:s1');
    expect(parentOf('work_group_member', { id: 'm1', group_id: 'g1' })).toEqual({ type: 'WorkGroup', id: 'g1' });
    expect(parentOf('hazard', { id: 'h1' })).toBeNull();
    expect(Object.keys(AUDIT_CHILD_TABLES).every(isAuditedTable)).toBe(true);
  });
});
