import { registerEnumType } from 'type-graphql';

export enum PersonKind {
  STAFF = 'STAFF',
  STUDENT = 'STUDENT',
  CONTRACTOR = 'CONTRACTOR',
}

registerEnumType(PersonKind, {
  name: 'PersonKind',
  description: '人员类别',
  valuesConfig: {
    STAFF: { description: '教职工' },
    STUDENT: { description: '学生' },
    CONTRACTOR: { description: '外包/驻校人员' },
  },
});
