import { QuizQuestionKind } from './quiz-enums';
import { checkedAnswers } from './quiz-attempt.service';
import { answerKeys, checkQuestion, drawRandom, scoreOf } from './quiz-questions';
import { QuizItemEntity } from './quiz.entities';

const item = (seq: number, kind: QuizQuestionKind, options: string[], answer: string) =>
  Object.assign(new QuizItemEntity(), { quizId: 'q', seq, questionId: `q${seq}`, kind, stem: `第${seq}题`, options, answer, explanation: null });

describe('quiz questions', () => {
  it('reads written answers as sorted option keys', () => {
    expect(answerKeys('c, a')).toEqual(['A', 'C']);
    expect(answerKeys('A、C、A')).toEqual(['A', 'C']);
    expect(answerKeys('AG')).toBeNull();
    expect(answerKeys('')).toBeNull();
  });

  it('stores true/false questions with 正确/错误 options whatever word the author used', () => {
    const checked = checkQuestion({ kind: QuizQuestionKind.TRUE_FALSE, stem: '可以在楼道充电', options: [], answer: '×', explanation: null });
    expect(checked).toEqual({ question: expect.objectContaining({ options: ['正确', '错误'], answer: 'B' }), reasons: [] });
    expect(checkQuestion({ kind: QuizQuestionKind.TRUE_FALSE, stem: '判断', options: ['对'], answer: '对', explanation: null }).reasons).toEqual(['判断题不填选项']);
  });

  it('names every problem of a choice question', () => {
    const { question, reasons } = checkQuestion({ kind: QuizQuestionKind.SINGLE, stem: '题', options: ['甲', '', '甲'], answer: 'AB', explanation: null });
    expect(question).toBeNull();
    expect(reasons).toEqual(['题干长度应为 2–500 个字符', '选项不能跳空（A、B、C… 依次填写）', '选项有重复', '单选题只能有一个正确答案']);
    expect(checkQuestion({ kind: QuizQuestionKind.MULTIPLE, stem: '多选题', options: ['甲', '乙', '丙', '', ''], answer: 'ca', explanation: ' ' }).question).toEqual({
      kind: QuizQuestionKind.MULTIPLE, stem: '多选题', options: ['甲', '乙', '丙'], answer: 'AC', explanation: null,
    });
  });

  it('scores out of 100 rounding down, and draws distinct questions', () => {
    expect(scoreOf(2, 3)).toBe(66);
    expect(scoreOf(0, 0)).toBe(0);
    const drawn = drawRandom([1, 2, 3, 4, 5], 3);
    expect(new Set(drawn).size).toBe(3);
    expect(drawn.every((n) => n >= 1 && n <= 5)).toBe(true);
  });

  it('checks submitted answers against the fixed questions', () => {
    const items = [item(1, QuizQuestionKind.SINGLE, ['甲', '乙'], 'B'), item(2, QuizQuestionKind.MULTIPLE, ['甲', '乙', '丙'], 'AC')];
    expect(checkedAnswers(items, [{ seq: 2, choices: ['c', 'a'] }])).toEqual({ 2: 'AC' });
    expect(() => checkedAnswers(items, [{ seq: 1, choices: ['A', 'B'] }])).toThrow('第 1 题只能选一个答案');
    expect(() => checkedAnswers(items, [{ seq: 1, choices: ['C'] }])).toThrow('第 1 题的选项应为 A、B');
    expect(() => checkedAnswers(items, [{ seq: 3, choices: [] }])).toThrow('没有第 3 题');
    expect(() => checkedAnswers(items, [{ seq: 1, choices: ['A'] }, { seq: 1, choices: ['B'] }])).toThrow('答案重复提交');
  });
});
