import { hashLinkToken, isLinkToken, linkPath, maskedName, newLinkToken } from './notice-link';

describe('home-school notice links', () => {
  it('makes random, well-formed tokens whose stored hash differs from the token', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(isLinkToken(token)).toBe(true);
    const [token] = tokens;
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).not.toContain(token);
    expect(hashLinkToken(token)).toBe(hashLinkToken(token));
    expect(linkPath(token)).toBe(`/notices/ack/${token}`);
  });

  it('refuses anything that is not a token before it reaches the database', () => {
    expect(isLinkToken('')).toBe(false);
    expect(isLinkToken('short')).toBe(false);
    expect(isLinkToken(`${'a'.repeat(42)}/`)).toBe(false);
    expect(isLinkToken("' OR 1=1 --' OR 1=1 --' OR 1=1 --' OR 1=1 -")).toBe(false);
  });

  it('shows a guardian only the family name of the student', () => {
    expect(maskedName('王小明')).toBe('王**');
    expect(maskedName('欧阳娜娜')).toBe('欧***');
    expect(maskedName('李')).toBe('*');
    expect(maskedName(' 张三 ')).toBe('张*');
  });
});
