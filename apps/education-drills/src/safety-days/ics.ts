/**
 * The calendar as iCalendar text (RFC 5545): all-day events (DTSTART;VALUE=DATE, DTEND exclusive), lines
 * ended by CRLF and folded at 75 octets. Written by hand: the format needed is a dozen lines, and the
 * folding must count UTF-8 octets without splitting a Chinese character.
 */

export interface CalendarEvent {
  uid: string;
  /** Inclusive calendar days, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  summary: string;
  description?: string;
}

const MAX_OCTETS = 75;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets; a continuation starts with one
 * space, which counts toward its 75. Splits only between characters, never inside one's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function basicDate(day: string): string {
  return day.replace(/-/g, '');
}

/** The next day after an inclusive end: DTEND of an all-day event is exclusive. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

function timestamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function icsCalendar(name: string, events: readonly CalendarEvent[], stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//campus-safety//education-drills safety days//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${timestamp(stamp)}`,
      `DTSTART;VALUE=DATE:${basicDate(event.startDate)}`,
      `DTEND;VALUE=DATE:${basicDate(dayAfter(event.endDate))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
