import { randomInt } from 'node:crypto';
import { QuizQuestionKind } from './quiz-enums';

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const TRUE_FALSE_OPTIONS = ['正确', '错误'];

/** A question as a manager writes it: the answer as option keys ("A", "AC"), or 正确/错误 for true/false. */
export interface QuestionDraft {
  kind: QuizQuestionKind;
  stem: string;
  options: string[];
  answer: string;
  explanation: string | null;
}

/** A question ready to store: options in order, answer as sorted keys. */
export interface CheckedQuestion {
  kind: QuizQuestionKind;
  stem: string;
  options: string[];
  answer: string;
  explanation: string | null;
}

const TRUE_WORDS = ['正确', '对', '是', '√', 'T', 'TRUE', 'A', 'Y'];
const FALSE_WORDS = ['错误', '错', '否', '×', 'X', 'F', 'FALSE', 'B', 'N'];

/** Option keys of a written answer: "a, c" / "AC" / "A、C" → ["A", "C"]; null when something else is in it. */
export function answerKeys(text: string): string[] | null {
  const letters = text.toUpperCase().replace(/[\s,，、;；]/g, '');
  if (!letters || !/^[A-F]+$/.test(letters)) return null;
  return [...new Set(letters.split(''))].sort();
}

/** Every reason the question cannot be stored (empty when it can), and the stored form. */
export function checkQuestion(draft: QuestionDraft): { question: CheckedQuestion | null; reasons: string[] } {
  const reasons: string[] = [];
  const stem = draft.stem.trim();
  if (stem.length < 2 || stem.length > 500) reasons.push('题干长度应为 2–500 个字符');
  const explanation = draft.explanation?.trim() || null;
  if (explanation && explanation.length > 500) reasons.push('解析最长 500 个字符');
  let options = draft.options.map((option) => option.trim());
  while (options.length && options[options.length - 1] === '') options.pop();
  let answer: string | null = null;
  if (draft.kind === QuizQuestionKind.TRUE_FALSE) {
    if (options.length) reasons.push('判断题不填选项');
    options = TRUE_FALSE_OPTIONS;
    const word = draft.answer.trim().toUpperCase();
    if (TRUE_WORDS.includes(word)) answer = 'A';
    else if (FALSE_WORDS.includes(word)) answer = 'B';
    else reasons.push(`判断题答案"${draft.answer}"无效，应为 正确 或 错误`);
  } else {
    if (options.length < 2) reasons.push('选择题至少要有 2 个选项');
    if (options.length > OPTION_KEYS.length) reasons.push(`选项最多 ${OPTION_KEYS.length} 个（A–F）`);
    if (options.some((option) => option === '')) reasons.push('选项不能跳空（A、B、C… 依次填写）');
    if (options.some((option) => option.length > 200)) reasons.push('每个选项最长 200 个字符');
    if (new Set(options).size !== options.length) reasons.push('选项有重复');
    const keys = answerKeys(draft.answer);
    if (!keys) reasons.push(`答案"${draft.answer}"无效，应为选项字母，如 A 或 ACD`);
    else if (keys.some((key) => OPTION_KEYS.indexOf(key as (typeof OPTION_KEYS)[number]) >= options.length)) reasons.push(`答案"${draft.answer}"不在选项中`);
    else if (draft.kind === QuizQuestionKind.SINGLE && keys.length !== 1) reasons.push('单选题只能有一个正确答案');
    else if (draft.kind === QuizQuestionKind.MULTIPLE && keys.length < 2) reasons.push('多选题至少要有两个正确答案');
    else answer = keys.join('');
  }
  if (reasons.length || !answer) return { question: null, reasons };
  return { question: { kind: draft.kind, stem, options, answer, explanation }, reasons };
}

/** Whether the chosen keys are exactly the answer: a multiple-choice question with one key missing or extra scores nothing. */
export function isCorrect(answer: string, chosen: string | undefined): boolean {
  return chosen !== undefined && chosen === answer;
}

/** The score out of 100, rounded down so a pass mark is never reached by rounding. */
export function scoreOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.floor((correct * 100) / total);
}

/** `count` items picked at random, in random order. */
export function drawRandom<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
