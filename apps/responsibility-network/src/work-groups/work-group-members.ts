import { FieldProblem } from '@campus/graphql';
import { WorkGroupRole } from './work-group-enums';

export interface MemberLine {
  personId: string;
  role: WorkGroupRole;
}

/** A group has at most one leader (组长), and a person holds one seat in it. */
export function memberListProblems(members: readonly MemberLine[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  let leaderSeen = false;
  members.forEach((member, index) => {
    if (seen.has(member.personId)) problems.push({ field: `members[${index}].personId`, message: '同一人员在工作组中只能出现一次' });
    seen.add(member.personId);
    if (member.role === WorkGroupRole.LEADER) {
      if (leaderSeen) problems.push({ field: `members[${index}].role`, message: '工作组只能有一名组长' });
      leaderSeen = true;
    }
  });
  return problems;
}
