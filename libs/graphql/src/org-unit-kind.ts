import { registerEnumType } from 'type-graphql';

/** Kinds of org unit: responsibility-network keeps the tree; other services name kinds (e.g. the units a scheme appraises). */
export enum OrgUnitKind {
  BUREAU = 'BUREAU',
  SCHOOL = 'SCHOOL',
  COLLEGE = 'COLLEGE',
  DEPARTMENT = 'DEPARTMENT',
  OFFICE = 'OFFICE',
  /** A class (班级) of students under a school or college: its class teacher (班主任) holds a grant there. */
  CLASS = 'CLASS',
}

registerEnumType(OrgUnitKind, {
  name: 'OrgUnitKind',
  description: '组织单位类型',
  valuesConfig: {
    BUREAU: { description: '教育局' },
    SCHOOL: { description: '学校' },
    COLLEGE: { description: '二级学院' },
    DEPARTMENT: { description: '处室/部门' },
    OFFICE: { description: '科室/办公室' },
    CLASS: { description: '班级（学生所在的班，班主任在此任职）' },
  },
});

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  BUREAU: '教育局',
  SCHOOL: '学校',
  COLLEGE: '二级学院',
  DEPARTMENT: '处室',
  OFFICE: '科室',
  CLASS: '班级',
};
