import { escapeText, foldLine, icsCalendar } from './ics';

describe('iCalendar text', () => {
  it('folds long lines at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'全国中小学生安全教育日'.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' ') && !part.startsWith('  '))).toBe(true);
    // Unfolding (drop CRLF + one space) gives the line back, every character whole.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(parts[0]).toBe(`SUMMARY:${'全国中小学生安全教育日'.repeat(6)}`.slice(0, 8 + 22));
  });

  it('leaves a line of exactly 75 octets alone and folds the 76th', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('消防日; 119, 逃生\\演练\n第二行')).toBe('消防日\\; 119\\, 逃生\\\\演练\\n第二行');
  });

  it('writes all-day events with an exclusive DTEND, CRLF line ends and a final CRLF', () => {
    const text = icsCalendar(
      '安全日历',
      [
        { uid: 'FIRE_SAFETY_DAY-2026@campus', startDate: '2026-11-09', endDate: '2026-11-09', summary: '全国消防日' },
        { uid: 'WORK_SAFETY_MONTH-2026@campus', startDate: '2026-06-01', endDate: '2026-06-30', summary: '安全生产月', description: '每年6月' },
      ],
      new Date('2026-03-01T08:09:10.123Z'),
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART;VALUE=DATE:20261109');
    expect(lines).toContain('DTEND;VALUE=DATE:20261110');
    expect(lines).toContain('DTEND;VALUE=DATE:20260701');
    expect(lines).toContain('DTSTAMP:20260301T080910Z');
    expect(lines).toContain('UID:FIRE_SAFETY_DAY-2026@campus');
  });
});
