import { Role } from '@campus/auth';
import { ConflictError } from '@campus/graphql';
import { requireTransition, TransitionTable } from './transitions';

type Status = 'DRAFT' | 'ACTIVE' | 'CLOSED';
const TABLE: TransitionTable<Status, 'REPORT' | 'RETIRE'> = {
  REPORT: {
    from: ['ACTIVE'],
    to: null,
    roles: [Role.STAFF],
    label: '报送',
    wrongState: '不能报送',
    wrongStates: { DRAFT: '尚未印发，不能报送', CLOSED: '已结束，不能再报送' },
  },
  RETIRE: { from: ['ACTIVE'], to: 'CLOSED', roles: [Role.STAFF], label: '停用', wrongState: '已停用', wrongStateReason: 'INACTIVE' },
};

function refusal(action: 'REPORT' | 'RETIRE', from: Status): unknown {
  try {
    requireTransition(TABLE, action, from, 'x');
  } catch (error) {
    return error;
  }
  throw new Error('expected a conflict');
}

describe('transition refusals', () => {
  it('says why a state refuses the action when the rule names that state', () => {
    expect(refusal('REPORT', 'DRAFT')).toMatchObject({ reason: 'ILLEGAL_TRANSITION', message: '尚未印发，不能报送 (CONFLICT)' });
    expect(refusal('REPORT', 'CLOSED')).toMatchObject({ message: '已结束，不能再报送 (CONFLICT)', details: { id: 'x', status: 'CLOSED' } });
  });

  it('refuses with the reason the rule names', () => {
    const error = refusal('RETIRE', 'CLOSED');
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ reason: 'INACTIVE', message: '已停用 (CONFLICT)' });
  });
});
