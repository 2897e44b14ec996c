/** A notice template: built into the platform (no unit) or a unit's own. */
export interface NoticeTemplateData {
  id: string;
  title: string;
  body: string;
}

/** The templates every school starts from (教育部门每年要求的告知书), as data: ids are stable and prefixed `builtin-`. */
export const BUILT_IN_NOTICE_TEMPLATES: readonly NoticeTemplateData[] = [
  {
    id: 'builtin-holiday',
    title: '寒暑假安全告知书',
    body:
      '尊敬的家长：假期将至，学生离校期间的安全由家长承担监护责任。请您督促孩子：遵守交通法规，不乘坐无牌无证、超载车辆；' +
      '不私自下河游泳；注意用火用电用气安全；不沉迷网络，不参与网络赌博和非法借贷；外出告知去向并按时返家；' +
      '如有身体不适或突发情况，请及时与班主任联系。请于截止日期前确认已阅读本告知书。',
  },
  {
    id: 'builtin-drowning',
    title: '防溺水安全告知书',
    body:
      '尊敬的家长：夏季是溺水事故高发期。请您严格落实“六不”要求：不私自下水游泳；不擅自与他人结伴游泳；' +
      '不在无家长或教师带领的情况下游泳；不到无安全设施、无救援人员的水域游泳；不到不熟悉的水域游泳；' +
      '不熟悉水性的学生不擅自下水施救。发现有人落水，应立即呼救并拨打 110、120。',
  },
  {
    id: 'builtin-traffic',
    title: '交通安全告知书',
    body:
      '尊敬的家长：请教育孩子自觉遵守交通法规，走人行道、过斑马线，不闯红灯；未满 12 周岁不骑自行车上路，' +
      '未满 16 周岁不驾驶电动自行车，不驾驶机动车；乘坐电动自行车佩戴安全头盔；不乘坐无牌无证、超员车辆及“黑校车”。',
  },
  {
    id: 'builtin-telecom-fraud',
    title: '防范电信网络诈骗告知书',
    body:
      '尊敬的家长：电信网络诈骗手段不断翻新，刷单返利、冒充客服、网络游戏装备交易、校园贷、冒充老师收费等针对学生的骗局多发。' +
      '请提醒孩子：不轻信陌生来电和链接，不向陌生人转账，不出租出借银行卡、手机卡；学校收费不会通过个人账户。' +
      '请下载国家反诈中心 APP，遇到可疑情况拨打 96110 咨询。',
  },
  {
    id: 'builtin-school-start',
    title: '开学安全告知书',
    body:
      '尊敬的家长：新学期开始，请配合学校做好学生返校安全工作：按时返校，途中注意交通安全；' +
      '如实告知学生健康状况和特殊体质；不携带管制刀具、易燃易爆物品进校；请确认学校留存的家长联系方式准确有效。',
  },
];

export function builtInTemplate(id: string): NoticeTemplateData | undefined {
  return BUILT_IN_NOTICE_TEMPLATES.find((template) => template.id === id);
}
