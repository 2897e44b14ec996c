import { Role } from '@campus/auth';
import { NotFoundError } from '@campus/graphql';
import { nextState } from '@campus/server';
import { viewerWith } from '@campus/testing';
import { KeyStudentReason, KeyStudentStatus } from './key-student-enums';
import { KEY_STUDENT_ACCESS, KEY_STUDENT_TRANSITIONS } from './key-student.access';
import { KeyStudentEntity } from './key-student.entity';
import { toKeyStudent } from './key-student.types';

const PATH = '/bureau/school/college/';
const asker = (role: Role) => ({ viewer: viewerWith(`${role}-account`, [[role, 'college', PATH]]) });

describe('key students: restriction, transitions, overdue follow-ups', () => {
  it('restricts every reason to the handlers; others get NOT_FOUND', () => {
    for (const reasonCategory of Object.values(KeyStudentReason)) {
      const row = Object.assign(new KeyStudentEntity(), { id: 'k1', orgPath: PATH, reasonCategory, version: 1 });
      expect(KEY_STUDENT_ACCESS.guard(asker(Role.COUNSELOR), 'view', 'k1', row)).toBe(row);
      expect(KEY_STUDENT_ACCESS.guard(asker(Role.UNIT_LEADER), 'FOLLOW_UP', 'k1', row)).toBe(row);
      expect(() => KEY_STUDENT_ACCESS.guard(asker(Role.GRID_OFFICER), 'view', 'k1', row)).toThrow(NotFoundError);
      expect(() => KEY_STUDENT_ACCESS.guard(asker(Role.STAFF), 'view', 'k1', row)).toThrow(NotFoundError);
    }
  });

  it('follows up while active only; release is final for the entry', () => {
    expect(nextState(KEY_STUDENT_TRANSITIONS, 'FOLLOW_UP', KeyStudentStatus.ACTIVE)).toBe(KeyStudentStatus.ACTIVE);
    expect(nextState(KEY_STUDENT_TRANSITIONS, 'RELEASE', KeyStudentStatus.ACTIVE)).toBe(KeyStudentStatus.RELEASED);
    expect(nextState(KEY_STUDENT_TRANSITIONS, 'FOLLOW_UP', KeyStudentStatus.RELEASED)).toBeNull();
    expect(nextState(KEY_STUDENT_TRANSITIONS, 'RELEASE', KeyStudentStatus.RELEASED)).toBeNull();
  });

  it('calls a follow-up overdue only for an active entry whose date has passed', () => {
    const entry = Object.assign(new KeyStudentEntity(), { status: KeyStudentStatus.ACTIVE, nextFollowUpDate: '2026-10-10' });
    expect(toKeyStudent(entry, '2026-10-11').followUpOverdue).toBe(true);
    expect(toKeyStudent(entry, '2026-10-10').followUpOverdue).toBe(false);
    expect(toKeyStudent({ ...entry, status: KeyStudentStatus.RELEASED } as KeyStudentEntity, '2026-10-11').followUpOverdue).toBe(false);
    expect(toKeyStudent({ ...entry, nextFollowUpDate: null } as KeyStudentEntity, '2026-10-11').followUpOverdue).toBe(false);
  });
});
