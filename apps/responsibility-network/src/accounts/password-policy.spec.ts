import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts the demo password and a long mixed one', () => {
    expect(passwordProblem('Campus@2026', 'safety.office')).toBeNull();
    expect(passwordProblem('correct horse 42 battery', 'xx.leader')).toBeNull();
  });

  it('names the rule a password breaks', () => {
    expect(passwordProblem('ab1', 'staff')).toBe('密码至少 8 个字符');
    expect(passwordProblem('abcdefghij', 'staff')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('1234567890', 'staff')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('Inspector2026', 'inspector')).toBe('密码不能包含用户名');
    expect(passwordProblem('Passw0rd', 'staff')).toBe('密码过于常见，容易被猜中，请换一个');
    expect(passwordProblem('WOAINI1314', 'staff')).toBe('密码过于常见，容易被猜中，请换一个');
  });
});
