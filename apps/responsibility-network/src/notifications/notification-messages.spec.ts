import { createHmac } from 'node:crypto';
import { RobotKind } from './notification-kind';
import { acceptanceFailedText, dutyShiftTomorrowText, emailMessage, hazardAssignedText, hazardEscalatedText, letterToSignText, robotText } from './notification-messages';
import { dingTalkSign, maskRobotUrl, robotAnswerError, robotPayload, signedRobotUrl } from './webhook-robots';

describe('notification texts', () => {
  it('names a hazard by code and title, and a sensitive one by code alone', () => {
    expect(hazardAssignedText({ code: 'YH-2025-001', title: '配电箱门损坏' }, '2025-10-10')).toEqual({
      title: '隐患整改指派：YH-2025-001',
      body: '您已被指定为隐患 YH-2025-001（配电箱门损坏）的整改责任人，整改时限 2025-10-10，请按整改方案落实整改。',
    });
    const sensitive = acceptanceFailedText({ code: 'YH-2025-002', title: null }, null);
    expect(sensitive.body).toBe('隐患 YH-2025-002验收不通过，已退回治理，请查看验收意见后重新整改。');
    expect(sensitive.body).not.toContain('（');
  });

  it('says which escalation tier was reached', () => {
    expect(hazardEscalatedText({ code: 'YH-9', title: null, deadline: '2025-09-01' }, 2)).toEqual({
      title: '隐患逾期升级（第2级）：YH-9',
      body: '隐患 YH-9整改时限 2025-09-01，逾期未整改，已升级至单位负责人督办。',
    });
  });

  it('reminds of a letter and a duty shift', () => {
    expect(letterToSignText({ title: '安全目标责任书', year: 2025 }).body).toBe('2025年度《安全目标责任书》已下发给您，请及时阅签。');
    expect(dutyShiftTomorrowText({ date: '2025-10-01', shiftName: '夜班', rosterName: '国庆值班', leader: true })).toEqual({
      title: '明日值班提醒：2025-10-01 夜班',
      body: '您是国庆值班 2025-10-01「夜班」的带班领导，请按时到岗。',
    });
  });

  it('formats the robot text with the person and the DingTalk keyword once', () => {
    const text = { title: 'T', body: 'B' };
    expect(robotText(text, '张三', null)).toBe('【校园安全】张三：T\nB');
    expect(robotText(text, '张三', '安全')).toBe('【校园安全】张三：T\nB');
    expect(robotText(text, '张三', '告警')).toBe('告警 【校园安全】张三：T\nB');
    expect(robotPayload('hello')).toEqual({ msgtype: 'text', text: { content: 'hello' } });
  });

  it('formats the e-mail', () => {
    expect(emailMessage({ title: '验收不通过：YH-1', body: '请重新整改。' }, '李四')).toEqual({
      subject: '【校园安全】验收不通过：YH-1',
      text: '李四，您好：\n\n请重新整改。\n\n请登录校园安全管理平台查看详情。\n（本邮件由系统自动发送，请勿回复）',
    });
  });
});

describe('group robots', () => {
  const secret = 'SEC000000000000000000000';

  it('signs DingTalk requests as its documentation says: base64 HmacSHA256 of "timestamp\\nsecret"', () => {
    const expected = createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64');
    expect(dingTalkSign(secret, 1700000000000)).toBe(expected);
    const url = new URL(signedRobotUrl(RobotKind.DINGTALK, 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret, 1700000000000));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(expected);
  });

  it('leaves WeCom URLs and unsigned DingTalk URLs alone', () => {
    const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    expect(signedRobotUrl(RobotKind.WECOM, wecom, secret, 1)).toBe(wecom);
    expect(signedRobotUrl(RobotKind.DINGTALK, 'https://oapi.dingtalk.com/robot/send?access_token=x', null, 1)).toBe('https://oapi.dingtalk.com/robot/send?access_token=x');
  });

  it('masks the token of a robot URL', () => {
    const masked = maskRobotUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-123');
    expect(masked).toBe('https://qyapi.weixin.qq.com/cgi-bin/web…（已隐藏）');
    expect(masked).not.toContain('secret-key');
    expect(maskRobotUrl('not a url')).toBe('（已隐藏）');
  });

  it('reads a robot answer: HTTP errors and errcode are failures', () => {
    expect(robotAnswerError(200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(robotAnswerError(200, 'ok')).toBeNull();
    expect(robotAnswerError(200, '{"errcode":310000,"errmsg":"sign not match"}')).toBe('errcode 310000: sign not match');
    expect(robotAnswerError(500, 'boom')).toBe('HTTP 500: boom');
  });
});
