import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** What a teacher–student dispute is about. Every category is restricted (the register names people at risk). */
export enum DisputeCategory {
  TEACHING = 'TEACHING',
  DISCIPLINE = 'DISCIPLINE',
  PUNISHMENT = 'PUNISHMENT',
  ASSESSMENT = 'ASSESSMENT',
  VERBAL_CONFLICT = 'VERBAL_CONFLICT',
  HOME_SCHOOL = 'HOME_SCHOOL',
  OTHER = 'OTHER',
}

export enum DisputePartySide {
  TEACHER = 'TEACHER',
  STUDENT = 'STUDENT',
  PARENT = 'PARENT',
  OTHER = 'OTHER',
}

export enum DisputeRiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum DisputeStatus {
  REGISTERED = 'REGISTERED',
  MEDIATING = 'MEDIATING',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
  CLOSED = 'CLOSED',
}

/** Which register a logged read is of. */
export enum RiskRegister {
  DISPUTE = 'DISPUTE',
  KEY_STUDENT = 'KEY_STUDENT',
}

/** How a record was read (or tried to be), for the access log. */
export enum RiskRegisterAccessKind {
  BY_ID = 'BY_ID',
  LIST = 'LIST',
  FOLLOW_UPS_DUE = 'FOLLOW_UPS_DUE',
  WRITE = 'WRITE',
  DENIED = 'DENIED',
}

registerEnumType(DisputeCategory, {
  name: 'DisputeCategory',
  description: '师生矛盾纠纷类别（所有类别均为敏感信息，仅处置角色可见）',
  valuesConfig: describedBy({
    TEACHING: '教学管理',
    DISCIPLINE: '学生管理与纪律处分',
    PUNISHMENT: '体罚或变相体罚',
    ASSESSMENT: '成绩评定、评优评先',
    VERBAL_CONFLICT: '言语冲突、人身冲突',
    HOME_SCHOOL: '家校沟通',
    OTHER: '其他',
  }),
});

registerEnumType(DisputePartySide, {
  name: 'DisputePartySide',
  description: '当事人一方',
  valuesConfig: describedBy({ TEACHER: '教师', STUDENT: '学生', PARENT: '家长', OTHER: '其他' }),
});

registerEnumType(DisputeRiskLevel, {
  name: 'DisputeRiskLevel',
  description: '矛盾纠纷风险等级',
  valuesConfig: describedBy({ LOW: '低', MEDIUM: '中', HIGH: '高（可能激化）' }),
});

registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: '矛盾纠纷状态',
  valuesConfig: describedBy({ REGISTERED: '登记', MEDIATING: '调解中', RESOLVED: '已化解', ESCALATED: '上报/移交', CLOSED: '结案' }),
});

registerEnumType(RiskRegister, {
  name: 'RiskRegister',
  description: '重点人员台账',
  valuesConfig: describedBy({ DISPUTE: '师生矛盾纠纷台账', KEY_STUDENT: '重点关注学生台账' }),
});

registerEnumType(RiskRegisterAccessKind, {
  name: 'RiskRegisterAccessKind',
  description: '台账记录的访问方式',
  valuesConfig: describedBy({
    BY_ID: '按 ID 查看',
    LIST: '在台账列表中',
    FOLLOW_UPS_DUE: '在待跟进列表中',
    WRITE: '录入或办理后返回',
    DENIED: '无权查看，被拒绝',
  }),
});
