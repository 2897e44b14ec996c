import { WorkGroupRole } from './work-group-enums';
import { memberListProblems } from './work-group-members';

describe('memberListProblems', () => {
  it('accepts one leader with deputies, members and office staff', () => {
    expect(
      memberListProblems([
        { personId: 'secretary', role: WorkGroupRole.LEADER },
        { personId: 'vice-president', role: WorkGroupRole.DEPUTY },
        { personId: 'discipline', role: WorkGroupRole.DEPUTY },
        { personId: 'security-head', role: WorkGroupRole.OFFICE_DIRECTOR },
        { personId: 'clerk', role: WorkGroupRole.OFFICE_STAFF },
        { personId: 'dean', role: WorkGroupRole.MEMBER },
      ]),
    ).toEqual([]);
  });

  it('accepts a group without a leader and an empty list', () => {
    expect(memberListProblems([{ personId: 'a', role: WorkGroupRole.MEMBER }])).toEqual([]);
    expect(memberListProblems([])).toEqual([]);
  });

  it('names the second leader and the repeated person by index', () => {
    expect(
      memberListProblems([
        { personId: 'a', role: WorkGroupRole.LEADER },
        { personId: 'b', role: WorkGroupRole.LEADER },
        { personId: 'a', role: WorkGroupRole.MEMBER },
      ]),
    ).toEqual([
      { field: 'members[1].role', message: '工作组只能有一名组长' },
      { field: 'members[2].personId', message: '同一人员在工作组中只能出现一次' },
    ]);
  });
});
