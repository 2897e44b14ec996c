import { Role } from '@campus/auth';
import { ConflictError } from '@campus/graphql';
import { nextState, policyFromTransitions, requireTransition, TransitionTable } from './transitions';

type Status = 'DRAFT' | 'ISSUED' | 'CLOSED';
const TABLE: TransitionTable<Status, 'CREATE' | 'ISSUE' | 'NOTE' | 'CLOSE'> = {
  CREATE: { from: [], to: 'DRAFT', roles: [Role.STAFF], label: '起草', wrongState: '已存在' },
  ISSUE: { from: ['DRAFT'], to: 'ISSUED', roles: [Role.UNIT_LEADER], label: '下达', wrongState: '只有草稿可以下达' },
  NOTE: { from: ['DRAFT', 'ISSUED'], to: null, roles: [Role.STAFF], label: '备注', wrongState: '已结束' },
  CLOSE: { from: ['ISSUED'], to: 'CLOSED', roles: [Role.UNIT_LEADER], label: '结束', wrongState: '只有已下达的可以结束', condition: '到期后' },
};

describe('transition tables', () => {
  it('moves along the table, keeps the state for a row without a target, and refuses the rest', () => {
    expect(nextState(TABLE, 'ISSUE', 'DRAFT')).toBe('ISSUED');
    expect(nextState(TABLE, 'NOTE', 'ISSUED')).toBe('ISSUED');
    expect(nextState(TABLE, 'ISSUE', 'ISSUED')).toBeNull();
    expect(nextState(TABLE, 'CLOSE', 'CLOSED')).toBeNull();
  });

  it('consults creation rows for an aggregate that does not exist yet, and only them', () => {
    expect(nextState(TABLE, 'CREATE', null)).toBe('DRAFT');
    expect(nextState(TABLE, 'ISSUE', null)).toBeNull();
    expect(nextState(TABLE, 'CREATE', 'DRAFT')).toBeNull();
  });

  it('refuses an illegal transition as CONFLICT ILLEGAL_TRANSITION with the rule message and the state', () => {
    expect(requireTransition(TABLE, 'CLOSE', 'ISSUED', 'x')).toBe('CLOSED');
    try {
      requireTransition(TABLE, 'CLOSE', 'DRAFT', 'x');
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'ILLEGAL_TRANSITION', message: '只有已下达的可以结束 (CONFLICT)', details: { id: 'x', status: 'DRAFT' } });
    }
  });

  it('derives the policy: one action per row, with its roles and condition, beside the other actions', () => {
    const policy = policyFromTransitions('Letter', '责任书', TABLE, { view: { roles: [Role.STAFF], label: '查看' } });
    expect(Object.keys(policy.actions)).toEqual(['view', 'CREATE', 'ISSUE', 'NOTE', 'CLOSE']);
    expect(policy.actions.CLOSE).toEqual({ roles: [Role.UNIT_LEADER], label: '结束', refusal: '您无权对该责任书执行此操作', condition: '到期后' });
  });
});
