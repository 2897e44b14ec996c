import {
  DrillEvaluated,
  DrillHeld,
  LetterExpired,
  LetterIssued,
  LetterRevoked,
  LetterSigned,
  NoticeAcknowledged,
  NoticeSent,
  QuizAttemptGraded,
  QuizPassed,
} from '@campus/events';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { AutomaticMetric, MetricPeriod, MetricUnit } from '../metrics/metric';
import { APPRAISAL_MODULES } from '../service';
import { DRILLS_HELD_METRIC } from './drills-held.metric';
import { LETTERS_SIGNED_METRIC } from './letters-signed.metric';
import { NOTICES_ACKNOWLEDGED_METRIC } from './notices-acknowledged.metric';
import { QUIZ_PASS_RATE_METRIC } from './quiz-pass-rate.metric';
import { factEvents } from './fact-events.testing';

const UNITS: Record<string, MetricUnit> = {
  county: { id: 'county', path: '/county/' },
  s1: { id: 's1', path: '/county/s1/' },
  k1: { id: 'k1', path: '/county/s1/k1/' },
  s2: { id: 's2', path: '/county/s2/' },
  s3: { id: 's3', path: '/county/s3/' },
};
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const H1 = { from: '2026-01-01', to: '2026-06-30' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const at = (unit: string) => ({ orgUnitId: unit, orgPath: UNITS[unit].path });

describe('supervision-appraisal: drills, quiz, notice and letter metrics from events (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof factEvents>;

  /** unit → [numerator, denominator, value] for every unit asked, in one call. */
  async function valuesOf(metric: AutomaticMetric, period: MetricPeriod, ids = Object.keys(UNITS)) {
    const values = await metric.values(db.dataSource.manager, ids.map((id) => UNITS[id]), period);
    return Object.fromEntries([...values].map(([id, value]) => [id, [value.numerator, value.denominator, value.value]]));
  }

  /** Every source of a unit's value, read one row a page to exercise the cursor. */
  async function allSources(metric: AutomaticMetric, unit: string, period: MetricPeriod) {
    const rows = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result = await metric.sources(db.dataSource.manager, UNITS[unit], period, 1, after);
      rows.push(...result.rows);
      if (!result.hasMore) return rows;
      after = result.endCursor;
    }
    throw new Error('sources did not end');
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('edumetrics', APPRAISAL_MODULES);
    events = factEvents(db);
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('DRILLS_HELD', () => {
    beforeAll(async () => {
      const held = (id: string, unit: string, drillType: string, startedAt: string) => ({
        id, ...at(unit), drillType, scenario: `${unit}教学楼`, startedAt, endedAt: startedAt, participants: 100, evacuationSeconds: null,
      });
      const evaluated = (id: string, unit: string, score: number, evaluatedAt: string) => ({ id, ...at(unit), score, problems: 0, evaluatedAt });
      await events.deliver(DrillEvaluated, evaluated('d1', 's1', 88, '2026-03-06T01:00:00Z')); // before its drill.held
      await events.deliver(DrillHeld, held('d1', 's1', 'EVACUATION', '2026-03-05T01:00:00Z'));
      await events.deliver(DrillHeld, held('d1', 's1', 'EVACUATION', '2026-03-05T01:00:00Z')); // replayed
      await events.deliver(DrillHeld, held('d2', 'k1', 'FIRE', '2026-05-10T01:00:00Z'));
      await events.deliver(DrillEvaluated, evaluated('d2', 'k1', 80, '2026-05-12T01:00:00Z'));
      await events.deliver(DrillEvaluated, evaluated('d2', 'k1', 70, '2026-05-11T01:00:00Z')); // an older evaluation, late
      await events.deliver(DrillHeld, held('d3', 's2', 'EARTHQUAKE', '2026-08-01T01:00:00Z'));
      await events.deliver(DrillEvaluated, evaluated('d4', 's1', 60, '2026-04-01T01:00:00Z')); // never known to be held
    });

    it('counts the drills held in each subtree in the period', async () => {
      expect(await events.parked()).toEqual([]);
      expect(await valuesOf(DRILLS_HELD_METRIC, H1)).toEqual({ county: [2, null, 2], s1: [2, null, 2], k1: [1, null, 1], s2: [0, null, 0], s3: [0, null, 0] });
      expect(await valuesOf(DRILLS_HELD_METRIC, Q1, ['s1', 'k1'])).toEqual({ s1: [1, null, 1], k1: [0, null, 0] });
      expect(await valuesOf(DRILLS_HELD_METRIC, YEAR, ['county', 's2'])).toEqual({ county: [3, null, 3], s2: [1, null, 1] });
    });

    it('lists the drills behind the count by time held, with the latest evaluation', async () => {
      expect(await allSources(DRILLS_HELD_METRIC, 's1', H1)).toEqual([
        { kind: 'DRILL', id: 'd1', label: '疏散演练：s1教学楼', orgUnitId: 's1', at: '2026-03-05T01:00:00.000Z', counted: '已举行（评估 88 分）' },
        { kind: 'DRILL', id: 'd2', label: '消防演练：k1教学楼', orgUnitId: 'k1', at: '2026-05-10T01:00:00.000Z', counted: '已举行（评估 80 分）' },
      ]);
    });
  });

  describe('QUIZ_PASS_RATE', () => {
    beforeAll(async () => {
      const graded = (quizId: string, attemptId: string, personId: string, unit: string, score: number, passed: boolean, gradedAt: string) => ({
        quizId, attemptId, personId, ...at(unit), topic: '消防', score, passed, gradedAt,
      });
      const passedEvent = (quizId: string, attemptId: string, personId: string, unit: string, passedAt: string) => ({
        quizId, attemptId, personId, ...at(unit), topic: '消防', score: 90, passedAt,
      });
      // pA fails, then passes a retake: the pass arrives first, then its graded attempt (twice: redelivered), then the failed one.
      await events.deliver(QuizPassed, passedEvent('q1', 'a2', 'pA', 'k1', '2026-03-02T01:00:00Z'));
      const retake = await events.deliver(QuizAttemptGraded, graded('q1', 'a2', 'pA', 'k1', 90, true, '2026-03-02T01:00:00Z'));
      await events.deliver(QuizAttemptGraded, graded('q1', 'a2', 'pA', 'k1', 90, true, '2026-03-02T01:00:00Z'), retake);
      await events.deliver(QuizAttemptGraded, graded('q1', 'a1', 'pA', 'k1', 40, false, '2026-03-01T01:00:00Z'));
      await events.deliver(QuizAttemptGraded, graded('q1', 'a3', 'pB', 'k1', 50, false, '2026-03-01T02:00:00Z'));
      // A pass published before quiz.attempt-graded existed: an attempt all the same.
      await events.deliver(QuizPassed, passedEvent('q1', 'a4', 'pC', 's1', '2026-04-01T01:00:00Z'));
      // pD fails in June and passes in July: taken in H1, passed only after it.
      await events.deliver(QuizAttemptGraded, graded('q2', 'a5', 'pD', 's2', 30, false, '2026-06-29T01:00:00Z'));
      await events.deliver(QuizAttemptGraded, graded('q2', 'a6', 'pD', 's2', 100, true, '2026-07-02T01:00:00Z'));
    });

    it('is the share of (quiz, person) entries graded in the period that passed by its end', async () => {
      expect(await events.parked()).toEqual([]);
      const stored = await db.dataSource.query("SELECT attempts, best_score AS best, passed_month AS passed FROM education_quiz_fact WHERE quiz_id = 'q1' AND person_id = 'pA'");
      expect(stored.map((row: any) => [row.attempts, Number(row.best), row.passed])).toEqual([[2, 90, '2026-03']]);
      expect(await valuesOf(QUIZ_PASS_RATE_METRIC, H1)).toEqual({
        county: [2, 4, 0.5],
        s1: [2, 3, 2 / 3],
        k1: [1, 2, 0.5],
        s2: [0, 1, 0],
        s3: [0, 0, null],
      });
      expect(await valuesOf(QUIZ_PASS_RATE_METRIC, YEAR, ['county', 's2'])).toEqual({ county: [3, 4, 0.75], s2: [1, 1, 1] });
      // Taken as of a day in June (a live process appraisal): pD's July pass does not count yet.
      expect(await valuesOf(QUIZ_PASS_RATE_METRIC, { ...YEAR, asOf: '2026-06-15' }, ['county', 's2'])).toEqual({ county: [2, 4, 0.5], s2: [0, 1, 0] });
    });

    it('lists each (quiz, person) entry, passed or not', async () => {
      const rows = await allSources(QUIZ_PASS_RATE_METRIC, 's1', H1);
      expect(rows.map((row) => [row.id, row.label, row.orgUnitId, row.counted])).toEqual([
        ['q1', '消防测验 · 人员 pA · 最高 90 分', 'k1', '合格'],
        ['q1', '消防测验 · 人员 pB · 最高 50 分', 'k1', '不合格'],
        ['q1', '消防测验 · 人员 pC · 最高 90 分', 's1', '合格'],
      ]);
      expect(rows[0].at).toBe('2026-03-01T01:00:00.000Z');
      expect((await allSources(QUIZ_PASS_RATE_METRIC, 's2', H1)).map((row) => row.counted)).toEqual(['不合格']);
    });
  });

  describe('NOTICES_ACKNOWLEDGED', () => {
    beforeAll(async () => {
      const ack = (noticeId: string, recipientId: string, unit: string) => ({
        noticeId, recipientId, ...at(unit), method: 'LINK' as const, acknowledgedAt: '2026-03-02T01:00:00Z',
      });
      const sent = (noticeId: string, title: string, sentAt: string, units: [string, number][]) => ({
        noticeId, ...at('s1'), title, deadline: '2026-12-31', sentAt, units: units.map(([unit, recipients]) => ({ ...at(unit), recipients })),
      });
      await events.deliver(NoticeAcknowledged, ack('n1', 'r1', 'k1')); // before its notice.sent
      await events.deliver(NoticeSent, sent('n1', '寒假安全告知书', '2026-03-01T01:00:00Z', [['k1', 3], ['s1', 1]]));
      const second = await events.deliver(NoticeAcknowledged, ack('n1', 'r2', 'k1'));
      await events.deliver(NoticeAcknowledged, ack('n1', 'r2', 'k1'), second); // redelivered: counted once
      await events.deliver(NoticeAcknowledged, ack('n1', 'r4', 's1'));
      await events.deliver(NoticeSent, sent('n2', '暑期防溺水告知书', '2026-07-01T01:00:00Z', [['s2', 4]]));
      await events.deliver(NoticeAcknowledged, ack('n2', 'r5', 's2'));
      await events.deliver(NoticeAcknowledged, ack('n3', 'r6', 's2')); // its notice.sent never came
    });

    it('is acknowledgements over recipients of the notices sent in the period', async () => {
      expect(await events.parked()).toEqual([]);
      expect(await valuesOf(NOTICES_ACKNOWLEDGED_METRIC, H1)).toEqual({
        county: [3, 4, 0.75],
        s1: [3, 4, 0.75],
        k1: [2, 3, 2 / 3],
        s2: [0, 0, null],
        s3: [0, 0, null],
      });
      expect(await valuesOf(NOTICES_ACKNOWLEDGED_METRIC, YEAR, ['county', 's2'])).toEqual({ county: [4, 8, 0.5], s2: [1, 4, 0.25] });
    });

    it('lists each notice per recipient unit with its acknowledged / recipients', async () => {
      expect(await allSources(NOTICES_ACKNOWLEDGED_METRIC, 's1', H1)).toEqual([
        { kind: 'NOTICE', id: 'n1', label: '寒假安全告知书', orgUnitId: 'k1', at: '2026-03-01T01:00:00.000Z', counted: '已确认 2/3' },
        { kind: 'NOTICE', id: 'n1', label: '寒假安全告知书', orgUnitId: 's1', at: '2026-03-01T01:00:00.000Z', counted: '已确认 1/1' },
      ]);
    });
  });

  describe('LETTERS_SIGNED', () => {
    beforeAll(async () => {
      const letter = (id: string, unit: string, year = 2026) => ({
        id, year, title: `${year}年度安全责任书 ${id}`, issuerUnitId: 'county', recipientUnitId: unit, recipientPath: UNITS[unit].path,
      });
      const signed = (id: string, unit: string, signedAt: string) => ({ ...letter(id, unit), signedByPersonId: `leader-${unit}`, signedAt });
      await events.deliver(LetterSigned, signed('L1', 's1', '2026-02-10T01:00:00Z')); // before its issue
      await events.deliver(LetterIssued, { ...letter('L1', 's1'), recipientPersonId: null });
      await events.deliver(LetterSigned, signed('L1', 's1', '2026-02-11T01:00:00Z')); // replayed with a later time: the first stands
      await events.deliver(LetterIssued, { ...letter('L2', 'k1'), recipientPersonId: 'leader-k1' });
      await events.deliver(LetterIssued, { ...letter('L3', 'k1'), recipientPersonId: null });
      await events.deliver(LetterRevoked, { ...letter('L3', 'k1'), reason: '班级撤并' });
      await events.deliver(LetterIssued, { ...letter('L4', 's2'), recipientPersonId: null });
      await events.deliver(LetterSigned, signed('L4', 's2', '2026-07-15T01:00:00Z'));
      await events.deliver(LetterIssued, { ...letter('L5', 's2'), recipientPersonId: null });
      await events.deliver(LetterExpired, letter('L5', 's2'));
      await events.deliver(LetterIssued, { ...letter('L6', 's1', 2025), recipientPersonId: null });
    });

    it('is the share of the year’s letters, not revoked, signed by the end of the period', async () => {
      expect(await events.parked()).toEqual([]);
      expect(await valuesOf(LETTERS_SIGNED_METRIC, H1)).toEqual({
        county: [1, 4, 0.25],
        s1: [1, 2, 0.5],
        k1: [0, 1, 0],
        s2: [0, 2, 0],
        s3: [0, 0, null],
      });
      expect(await valuesOf(LETTERS_SIGNED_METRIC, YEAR, ['county', 's2'])).toEqual({ county: [2, 4, 0.5], s2: [1, 2, 0.5] });
      expect(await valuesOf(LETTERS_SIGNED_METRIC, { ...YEAR, asOf: '2026-07-14' }, ['s2'])).toEqual({ s2: [0, 2, 0] });
      expect(await valuesOf(LETTERS_SIGNED_METRIC, { ...YEAR, asOf: '2026-07-15' }, ['s2'])).toEqual({ s2: [1, 2, 0.5] });
      expect(await valuesOf(LETTERS_SIGNED_METRIC, { from: '2025-01-01', to: '2025-12-31' }, ['s1'])).toEqual({ s1: [0, 1, 0] });
    });

    it('lists the letters counted, signed or not', async () => {
      expect(await allSources(LETTERS_SIGNED_METRIC, 's1', H1)).toEqual([
        { kind: 'LETTER', id: 'L1', label: '2026年度安全责任书 L1', orgUnitId: 's1', at: '2026-02-10T01:00:00.000Z', counted: '已签订' },
        { kind: 'LETTER', id: 'L2', label: '2026年度安全责任书 L2', orgUnitId: 'k1', at: null, counted: '未签订' },
      ]);
      expect((await allSources(LETTERS_SIGNED_METRIC, 's2', H1)).map((row) => [row.id, row.counted])).toEqual([
        ['L4', '未签订'],
        ['L5', '已过期未签订'],
      ]);
      expect((await allSources(LETTERS_SIGNED_METRIC, 's2', YEAR)).map((row) => [row.id, row.counted])).toEqual([
        ['L4', '已签订'],
        ['L5', '已过期未签订'],
      ]);
    });
  });
});
