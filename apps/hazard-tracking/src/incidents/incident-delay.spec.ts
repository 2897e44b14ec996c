import { isLateReport, reportDeadlineMinutes, reportDelayMinutes } from './incident-delay';
import { IncidentSeverity } from './incident-enums';

describe('incident report delay (迟报)', () => {
  const at = (time: string) => new Date(`2026-11-20T${time}:00+08:00`);

  it('counts whole minutes from occurrence to report', () => {
    expect(reportDelayMinutes(at('08:00'), at('08:00'))).toBe(0);
    expect(reportDelayMinutes(at('08:00'), at('09:35'))).toBe(95);
    expect(reportDelayMinutes(at('08:00'), new Date(at('08:01').getTime() - 1))).toBe(0);
    expect(reportDelayMinutes(at('23:30'), new Date('2026-11-21T01:00:00+08:00'))).toBe(90);
  });

  it('allows 60 minutes for major and grave incidents', () => {
    expect(reportDeadlineMinutes(IncidentSeverity.MAJOR)).toBe(60);
    expect(isLateReport(IncidentSeverity.MAJOR, 60)).toBe(false);
    expect(isLateReport(IncidentSeverity.MAJOR, 61)).toBe(true);
    expect(isLateReport(IncidentSeverity.GRAVE, 61)).toBe(true);
    expect(isLateReport(IncidentSeverity.GRAVE, 0)).toBe(false);
  });

  it('allows 120 minutes for general and larger incidents', () => {
    expect(reportDeadlineMinutes(IncidentSeverity.GENERAL)).toBe(120);
    expect(isLateReport(IncidentSeverity.GENERAL, 61)).toBe(false);
    expect(isLateReport(IncidentSeverity.GENERAL, 120)).toBe(false);
    expect(isLateReport(IncidentSeverity.GENERAL, 121)).toBe(true);
    expect(isLateReport(IncidentSeverity.LARGER, 121)).toBe(true);
    expect(isLateReport(IncidentSeverity.LARGER, 100)).toBe(false);
  });
});
