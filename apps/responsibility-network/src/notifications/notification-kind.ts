/** What a notification is about; each person chooses per kind which channels besides the inbox reach them. */
export enum NotificationKind {
  HAZARD_ASSIGNED = 'HAZARD_ASSIGNED',
  HAZARD_ESCALATED = 'HAZARD_ESCALATED',
  ACCEPTANCE_FAILED = 'ACCEPTANCE_FAILED',
  LETTER_TO_SIGN = 'LETTER_TO_SIGN',
  DUTY_SHIFT_TOMORROW = 'DUTY_SHIFT_TOMORROW',
  CAMPAIGN_REPORT_DUE = 'CAMPAIGN_REPORT_DUE',
  TEST = 'TEST',
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.HAZARD_ASSIGNED]: '隐患整改指派给我',
  [NotificationKind.HAZARD_ESCALATED]: '隐患逾期升级通知',
  [NotificationKind.ACCEPTANCE_FAILED]: '隐患验收不通过',
  [NotificationKind.LETTER_TO_SIGN]: '责任书待签',
  [NotificationKind.DUTY_SHIFT_TOMORROW]: '明日值班提醒',
  [NotificationKind.CAMPAIGN_REPORT_DUE]: '专项整治统计表明日报送截止',
  [NotificationKind.TEST]: '测试通知（本人发给自己，检查接收渠道）',
};

/** Channels besides the inbox (站内信, always on). */
export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
}

export enum RobotKind {
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
}

export const ROBOT_KIND_LABELS: Record<RobotKind, string> = {
  [RobotKind.WECOM]: '企业微信群机器人',
  [RobotKind.DINGTALK]: '钉钉群机器人',
};

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
