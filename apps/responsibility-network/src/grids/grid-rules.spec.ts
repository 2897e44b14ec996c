import { previousDay, termIncludes } from './calendar-days';
import { checkEnding, planAssignment, Term } from './grid-assignment-rules';
import { gridLevelLabel, levelUnder } from './grid-level';
import { GridRole } from './grid-role';

const { LEADER, SAFETY_OFFICER } = GridRole;

function term(id: string, personId: string, role: GridRole, from: string, to: string | null = null): Term {
  return { id, personId, role, from, to };
}

describe('previousDay', () => {
  it.each([
    ['2026-03-02', '2026-03-01'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('%s → %s', (day, before) => {
    expect(previousDay(day)).toBe(before);
  });
});

describe('termIncludes', () => {
  it('includes both ends and runs on when open', () => {
    expect(termIncludes({ from: '2026-01-01', to: '2026-01-31' }, '2026-01-01')).toBe(true);
    expect(termIncludes({ from: '2026-01-01', to: '2026-01-31' }, '2026-01-31')).toBe(true);
    expect(termIncludes({ from: '2026-01-01', to: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(termIncludes({ from: '2026-01-01', to: null }, '2025-12-31')).toBe(false);
    expect(termIncludes({ from: '2026-01-01', to: null }, '2030-01-01')).toBe(true);
  });
});

describe('levelUnder', () => {
  it('starts at level 1 and stops after level 3', () => {
    expect(levelUnder(null)).toBe(1);
    expect(levelUnder(1)).toBe(2);
    expect(levelUnder(2)).toBe(3);
    expect(levelUnder(3)).toBeNull();
  });

  it('labels levels in Chinese', () => {
    expect([1, 2, 3].map(gridLevelLabel)).toEqual(['一级', '二级', '三级']);
  });
});

describe('planAssignment', () => {
  it('closes the open leader the day before the new one starts', () => {
    const terms = [term('a1', 'p1', LEADER, '2026-01-01', '2026-01-31'), term('a2', 'p2', LEADER, '2026-02-01')];
    expect(planAssignment(terms, { personId: 'p3', role: LEADER, from: '2026-03-01' })).toEqual({ close: { id: 'a2', to: '2026-02-28' } });
  });

  it('assigns a first leader without closing anything', () => {
    expect(planAssignment([term('s1', 'p1', SAFETY_OFFICER, '2026-01-01')], { personId: 'p2', role: LEADER, from: '2026-01-01' })).toEqual({
      close: null,
    });
  });

  it('refuses a leader starting on or before the current leader started', () => {
    const terms = [term('a1', 'p1', LEADER, '2026-02-01')];
    expect(() => planAssignment(terms, { personId: 'p2', role: LEADER, from: '2026-02-01' })).toThrow('新任网格责任人的起始日期须晚于');
  });

  it('refuses the current leader again and a leader overlapping an ended term', () => {
    expect(() => planAssignment([term('a1', 'p1', LEADER, '2026-01-01')], { personId: 'p1', role: LEADER, from: '2026-03-01' })).toThrow(
      '已是本网格的网格责任人',
    );
    const ended = [term('a1', 'p1', LEADER, '2026-01-01', '2026-06-30')];
    expect(() => planAssignment(ended, { personId: 'p2', role: LEADER, from: '2026-06-30' })).toThrow('重叠');
    expect(planAssignment(ended, { personId: 'p2', role: LEADER, from: '2026-07-01' })).toEqual({ close: null });
  });

  it('lets several safety officers serve but one person only once at a time', () => {
    const terms = [term('s1', 'p1', SAFETY_OFFICER, '2026-01-01'), term('s2', 'p2', SAFETY_OFFICER, '2025-01-01', '2025-12-31')];
    expect(planAssignment(terms, { personId: 'p3', role: SAFETY_OFFICER, from: '2026-01-01' })).toEqual({ close: null });
    expect(planAssignment(terms, { personId: 'p2', role: SAFETY_OFFICER, from: '2026-01-01' })).toEqual({ close: null });
    expect(() => planAssignment(terms, { personId: 'p1', role: SAFETY_OFFICER, from: '2026-05-01' })).toThrow('已是本网格的网格安全员');
  });
});

describe('checkEnding', () => {
  it('ends an open term on or after its start', () => {
    expect(() => checkEnding(term('a', 'p', LEADER, '2026-01-01'), '2026-01-01')).not.toThrow();
  });

  it('refuses an ended term (CONFLICT) and an end before the start (BAD_USER_INPUT on to)', () => {
    expect(() => checkEnding(term('a', 'p', LEADER, '2026-01-01', '2026-02-01'), '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => checkEnding(term('a', 'p', LEADER, '2026-01-01'), '2025-12-31')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'to' })] }),
    );
  });
});
