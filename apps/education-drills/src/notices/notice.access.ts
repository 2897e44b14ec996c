import { Role, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { HomeSchoolNoticeStatus } from './notice-enums';
import { NoticeEntity, NoticeRecipientEntity, NoticeTemplateEntity } from './notice.entity';

/** Who issues notices and follows them up: the unit's leadership and safety officer, and the offices above. */
const NOTICE_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以发送家校告知';

export type NoticeAction = 'SEND' | 'CLOSE';

/** A draft is sent once (recipients fixed then); a sent notice is closed when follow-up ends. */
export const NOTICE_TRANSITIONS: TransitionTable<HomeSchoolNoticeStatus, NoticeAction> = {
  SEND: {
    from: [HomeSchoolNoticeStatus.DRAFT],
    to: HomeSchoolNoticeStatus.SENT,
    roles: NOTICE_MANAGERS,
    label: '发送',
    wrongState: '告知已发送，不能重复发送',
    refusal: REFUSAL,
    condition: '告知对象为发送时所选单位（含下级）在册学生',
  },
  CLOSE: {
    from: [HomeSchoolNoticeStatus.SENT],
    to: HomeSchoolNoticeStatus.CLOSED,
    roles: NOTICE_MANAGERS,
    label: '结束',
    wrongState: '只有已发送的告知可以结束',
    wrongStates: { CLOSED: '告知已结束' },
    refusal: REFUSAL,
  },
};

export const NOTICE_POLICY = policyFromTransitions('HomeSchoolNotice', '家校告知', NOTICE_TRANSITIONS, {
  view: viewRule('查看（含回执率）'),
  create: { roles: NOTICE_MANAGERS, label: '新建', refusal: REFUSAL, condition: '告知单位须在发文单位之下' },
});

export const NOTICE_ACCESS = scopedAccess(NOTICE_POLICY, NoticeEntity);

/** A recipient row is scoped by the student's unit (the class): its teachers record paper slips. */
export const NOTICE_RECIPIENT_POLICY = definePolicy({
  aggregate: 'HomeSchoolNoticeRecipient',
  label: '告知对象',
  actions: {
    viewNames: { roles: NOTICE_MANAGERS, label: '查看未回执学生名单', refusal: '只有单位负责人、安全员或安全管理部门可以查看学生名单' },
    issueLinks: { roles: NOTICE_MANAGERS, label: '生成家长确认链接', refusal: '只有单位负责人、安全员或安全管理部门可以生成家长确认链接' },
    recordSlip: {
      roles: [...NOTICE_MANAGERS, Role.STAFF],
      label: '登记纸质回执',
      refusal: '只有学生所在单位的教职工（班主任）或安全管理人员可以登记纸质回执',
    },
  },
});

export const NOTICE_RECIPIENT_ACCESS = scopedAccess(NOTICE_RECIPIENT_POLICY, NoticeRecipientEntity);

export const NOTICE_TEMPLATE_POLICY = definePolicy({
  aggregate: 'HomeSchoolNoticeTemplate',
  label: '告知模板',
  actions: {
    view: viewRule(),
    create: { roles: NOTICE_MANAGERS, label: '新建', refusal: '只有本单位负责人、安全员或安全管理部门可以新建告知模板' },
  },
});

export const NOTICE_TEMPLATE_ACCESS = scopedAccess(NOTICE_TEMPLATE_POLICY, NoticeTemplateEntity);
