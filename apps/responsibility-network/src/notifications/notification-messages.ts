import { NotificationKind } from './notification-kind';

/** What a notification says: never a student's name nor any health or psychological detail. */
export interface NotificationText {
  title: string;
  body: string;
}

/** A hazard as notifications name it: by code, and by title unless it is sensitive (the title is null then). */
export interface HazardRef {
  code: string;
  title: string | null;
}

function hazardName(hazard: HazardRef): string {
  return hazard.title ? `隐患 ${hazard.code}（${hazard.title}）` : `隐患 ${hazard.code}`;
}

function deadlineText(deadline: string | null): string {
  return deadline ? `，整改时限 ${deadline}` : '';
}

export function hazardAssignedText(hazard: HazardRef, deadline: string | null): NotificationText {
  return { title: `隐患整改指派：${hazard.code}`, body: `您已被指定为${hazardName(hazard)}的整改责任人${deadlineText(deadline)}，请按整改方案落实整改。` };
}

export function acceptanceFailedText(hazard: HazardRef, deadline: string | null): NotificationText {
  return { title: `验收不通过：${hazard.code}`, body: `${hazardName(hazard)}验收不通过，已退回治理${deadlineText(deadline)}，请查看验收意见后重新整改。` };
}

const TIER_TEXT: Record<number, string> = {
  1: '已逾期，请整改责任人立即整改',
  2: '逾期未整改，已升级至单位负责人督办',
  3: '逾期未整改，已升级至安全管理部门并启动问责',
};

export function hazardEscalatedText(hazard: HazardRef & { deadline: string }, tier: number): NotificationText {
  return { title: `隐患逾期升级（第${tier}级）：${hazard.code}`, body: `${hazardName(hazard)}整改时限 ${hazard.deadline}，${TIER_TEXT[tier] ?? '已升级'}。` };
}

export function letterToSignText(letter: { title: string; year: number }): NotificationText {
  return { title: `责任书待签：${letter.title}`, body: `${letter.year}年度《${letter.title}》已下发给您，请及时阅签。` };
}

export function dutyShiftTomorrowText(shift: { date: string; shiftName: string; rosterName: string; leader: boolean }): NotificationText {
  const role = shift.leader ? '带班领导' : '值班人员';
  return { title: `明日值班提醒：${shift.date} ${shift.shiftName}`, body: `您是${shift.rosterName} ${shift.date}「${shift.shiftName}」的${role}，请按时到岗。` };
}

export function campaignReportDueText(report: { campaignTitle: string; reportDate: string; unitName: string }): NotificationText {
  return {
    title: `统计表明日截止：${report.campaignTitle}`,
    body: `${report.unitName}尚未报送《${report.campaignTitle}》${report.reportDate}的隐患问题统计表，请于明日（${report.reportDate}）前报送。`,
  };
}

export function testText(personName: string): NotificationText {
  return { title: '测试通知', body: `${personName}，这是一条测试通知：您能在站内信（以及已开启的电子邮件）中收到平台的通知与提醒。` };
}

/** The one text a group robot posts: a platform tag, the person it is for, the title and the body. */
export function robotText(notification: NotificationText, personName: string, keyword: string | null): string {
  const text = `【校园安全】${personName}：${notification.title}\n${notification.body}`;
  return keyword && !text.includes(keyword) ? `${keyword} ${text}` : text;
}

/** The e-mail: subject and plain text. */
export function emailMessage(notification: NotificationText, personName: string): { subject: string; text: string } {
  return {
    subject: `【校园安全】${notification.title}`,
    text: `${personName}，您好：\n\n${notification.body}\n\n请登录校园安全管理平台查看详情。\n（本邮件由系统自动发送，请勿回复）`,
  };
}

/** The kinds a person can hear about, in the order preferences list them. */
export const ALL_NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);
