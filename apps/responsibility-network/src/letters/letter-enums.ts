import { registerEnumType } from 'type-graphql';

export enum LetterStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  SIGNED = 'SIGNED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/** Where a subordinate unit stands with its letter of a year, as the issuer's coverage view shows it. */
export enum LetterCoverageStatus {
  NOT_ISSUED = 'NOT_ISSUED',
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  NEEDS_RESIGNING = 'NEEDS_RESIGNING',
  SIGNED = 'SIGNED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(LetterStatus, {
  name: 'LetterStatus',
  description: '目标责任书状态',
  valuesConfig: {
    DRAFT: { description: '草稿' },
    ISSUED: { description: '已下达，待签署' },
    SIGNED: { description: '已签署' },
    EXPIRED: { description: '已到期（年度结束）' },
    REVOKED: { description: '已撤销' },
  },
});

registerEnumType(LetterCoverageStatus, {
  name: 'LetterCoverageStatus',
  description: '下级单位责任书签订情况',
  valuesConfig: {
    NOT_ISSUED: { description: '未制定责任书' },
    DRAFT: { description: '草稿，尚未下达' },
    ISSUED: { description: '已下达，未签署' },
    NEEDS_RESIGNING: { description: '负责人变更，待重新签署' },
    SIGNED: { description: '已签署' },
    REVOKED: { description: '已撤销' },
    EXPIRED: { description: '已到期' },
  },
});
