import { createHmac } from 'node:crypto';
import { RobotKind } from './notification-kind';

/**
 * 钉钉 signing (加签): sign = urlEncode(base64(HmacSHA256(secret, `${timestamp}\n${secret}`))), sent as the
 * `timestamp` and `sign` query parameters beside the access token.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The URL to post to: for a DingTalk robot with a secret, with timestamp and sign added. */
export function signedRobotUrl(kind: RobotKind, url: string, secret: string | null, nowMs: number): string {
  if (kind !== RobotKind.DINGTALK || !secret) return url;
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(nowMs));
  signed.searchParams.set('sign', dingTalkSign(secret, nowMs));
  return signed.toString();
}

/** Both robots take the same text message: {"msgtype":"text","text":{"content":…}}. */
export function robotPayload(content: string): { msgtype: 'text'; text: { content: string } } {
  return { msgtype: 'text', text: { content } };
}

/** A robot URL as shown to its managers: scheme, host and path start, the token hidden. */
export function maskRobotUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.slice(0, 12)}…（已隐藏）`;
  } catch {
    return '（已隐藏）';
  }
}

/** 企业微信 and 钉钉 answer 200 with {"errcode":0,...}; anything else is a failure worth retrying. */
export function robotAnswerError(status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${body.slice(0, 200)}`;
  try {
    const answer = JSON.parse(body) as { errcode?: number; errmsg?: string };
    if (answer.errcode !== undefined && answer.errcode !== 0) return `errcode ${answer.errcode}: ${answer.errmsg ?? ''}`;
  } catch {
    // a receiver that answers 2xx without JSON accepted the message
  }
  return null;
}
