import { registerEnumType } from 'type-graphql';

export enum HomeSchoolNoticeStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  CLOSED = 'CLOSED',
}

export enum HomeSchoolNoticeAckMethod {
  LINK = 'LINK',
  PAPER = 'PAPER',
}

registerEnumType(HomeSchoolNoticeStatus, {
  name: 'HomeSchoolNoticeStatus',
  description: '家校告知状态',
  valuesConfig: {
    DRAFT: { description: '草稿（尚未发送）' },
    SENT: { description: '已发送，收集家长回执中' },
    CLOSED: { description: '已结束，不再接受回执' },
  },
});

registerEnumType(HomeSchoolNoticeAckMethod, {
  name: 'HomeSchoolNoticeAckMethod',
  description: '家长回执方式',
  valuesConfig: {
    LINK: { description: '家长通过一次性链接在线确认' },
    PAPER: { description: '班主任登记纸质回执' },
  },
});
