import { assessRequirements, LabRequirementKind, missingMessage, requirementLabel } from './lab-requirement';

const { TRAINING, QUIZ } = LabRequirementKind;
const AT = new Date('2026-12-07T02:00:00Z');
const ITEMS = [
  { kind: TRAINING, topic: 'LAB_SAFETY', validDays: 365 },
  { kind: QUIZ, topic: '实验室安全准入考试', validDays: null },
];

describe('assessRequirements', () => {
  it('meets a requirement by an attendance or pass within its validity, and says until when', () => {
    const facts = [
      { kind: TRAINING, topic: 'LAB_SAFETY', lastAt: new Date('2026-03-01T02:00:00Z') },
      { kind: QUIZ, topic: '实验室安全准入考试', lastAt: new Date('2020-01-01T00:00:00Z') },
    ];
    const [training, quiz] = assessRequirements(ITEMS, facts, AT);
    expect(training).toMatchObject({ met: true, validUntil: new Date('2027-03-01T02:00:00Z'), missing: null });
    expect(quiz).toMatchObject({ met: true, validUntil: null, lastAt: new Date('2020-01-01T00:00:00Z') });
  });

  it('names what is missing: never attended, expired, or another topic only', () => {
    const facts = [
      { kind: TRAINING, topic: 'LAB_SAFETY', lastAt: new Date('2025-12-01T00:00:00Z') },
      { kind: QUIZ, topic: '消防安全知识', lastAt: new Date('2026-12-01T00:00:00Z') },
    ];
    const result = assessRequirements(ITEMS, facts, AT);
    expect(result.map((item) => item.met)).toEqual([false, false]);
    expect(result[0].missing).toBe('参加「实验室安全」安全培训（365 天内）：上次已超过有效期');
    expect(result[1]).toMatchObject({ lastAt: null, missing: '通过「实验室安全准入考试」安全测试' });
    expect(missingMessage('301机房', result)).toBe(
      '未满足「301机房」的准入条件：参加「实验室安全」安全培训（365 天内）：上次已超过有效期；通过「实验室安全准入考试」安全测试',
    );
  });

  it('does not count an attendance after the moment assessed', () => {
    const facts = [{ kind: TRAINING, topic: 'LAB_SAFETY', lastAt: new Date('2026-12-08T00:00:00Z') }];
    expect(assessRequirements([ITEMS[0]], facts, AT)[0].met).toBe(false);
    expect(requirementLabel({ kind: TRAINING, topic: 'UNKNOWN_TOPIC', validDays: null })).toBe('参加「UNKNOWN_TOPIC」安全培训');
  });
});
