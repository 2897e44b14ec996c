import { DomainError } from '@campus/graphql';

export const PASSWORD_MIN_LENGTH = 8;

/** Passwords guessed first (lists of leaked passwords, Chinese and international); compared case-insensitively. */
const COMMON_PASSWORDS = new Set([
  'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'qwerty123', 'qwe123456', 'qweasd123', '1qaz2wsx',
  '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'abc12345', 'abc123456', 'a1234567', 'a12345678', 'aa123456', 'aa123456789',
  '123456aa', '12345678a', '123456abc', 'admin123', 'admin1234', 'admin@123', 'root1234', 'test1234', 'welcome1',
  'iloveyou1', 'woaini1314', 'woaini520', '5201314a', 'qq123456', 'asd123456', 'asdf1234', 'zxcv1234', 'zxc123456',
  'campus123', 'school123', 'anquan123', 'xuexiao123',
]);

/** The first rule a password breaks, in Chinese naming the rule, or null when it meets them all. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) return '密码不能包含用户名';
  if (COMMON_PASSWORDS.has(lower)) return '密码过于常见，容易被猜中，请换一个';
  return null;
}

/** Refuses (BAD_USER_INPUT, WEAK_PASSWORD, the field named) a password that breaks a rule. */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new DomainError('WEAK_PASSWORD', `${field}：${problem}`, { fields: [{ field, message: problem }] });
}
