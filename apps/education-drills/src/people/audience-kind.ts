import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** The kinds of people an activity, quiz or notice is for (person_projection.kind). */
export enum AudienceKind {
  STAFF = 'STAFF',
  STUDENT = 'STUDENT',
  CONTRACTOR = 'CONTRACTOR',
}

export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = {
  STAFF: '教职工',
  STUDENT: '学生',
  CONTRACTOR: '外包/驻校人员',
};

registerEnumType(AudienceKind, { name: 'AudienceKind', description: '参加对象类别', valuesConfig: describedBy(AUDIENCE_KIND_LABELS) });
