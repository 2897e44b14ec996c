import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** Why a student is followed. Every reason is restricted (the register names people at risk). */
export enum KeyStudentReason {
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  FAMILY_HARDSHIP = 'FAMILY_HARDSHIP',
  BEHAVIOR = 'BEHAVIOR',
  ACADEMIC = 'ACADEMIC',
  ILLNESS = 'ILLNESS',
  OTHER = 'OTHER',
}

export enum KeyStudentStatus {
  ACTIVE = 'ACTIVE',
  RELEASED = 'RELEASED',
}

registerEnumType(KeyStudentReason, {
  name: 'KeyStudentReason',
  description: '重点关注原因类别（所有类别均为敏感信息，仅处置角色可见）',
  valuesConfig: describedBy({
    PSYCHOLOGICAL: '心理',
    FAMILY_HARDSHIP: '家庭困难',
    BEHAVIOR: '行为偏差',
    ACADEMIC: '学业',
    ILLNESS: '身体疾病',
    OTHER: '其他',
  }),
});

registerEnumType(KeyStudentStatus, {
  name: 'KeyStudentStatus',
  description: '关注状态',
  valuesConfig: describedBy({ ACTIVE: '关注中', RELEASED: '已解除关注' }),
});
