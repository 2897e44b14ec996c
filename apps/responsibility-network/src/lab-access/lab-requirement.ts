import { registerEnumType } from 'type-graphql';

/** What a lab asks of a person before admission (实验室准入条件). */
export enum LabRequirementKind {
  TRAINING = 'TRAINING',
  QUIZ = 'QUIZ',
}

registerEnumType(LabRequirementKind, {
  name: 'LabRequirementKind',
  description: '实验室准入条件的类型',
  valuesConfig: {
    TRAINING: { description: '参加过某主题的安全教育活动（培训）' },
    QUIZ: { description: '通过某主题的安全知识测试' },
  },
});

export interface LabRequirementItem {
  kind: LabRequirementKind;
  /** TRAINING: an education topic code of education-drills (e.g. LAB_SAFETY); QUIZ: the quiz topic. */
  topic: string;
  /** How long an attendance or pass counts, in days; null: for good. */
  validDays: number | null;
}

/** What a person did that counts towards requirements: their latest attendance or pass per kind and topic. */
export interface EducationFact {
  kind: LabRequirementKind;
  topic: string;
  lastAt: Date;
}

export interface RequirementAssessment extends LabRequirementItem {
  met: boolean;
  /** The latest attendance or pass of the topic, whether or not still valid. */
  lastAt: Date | null;
  /** Until when it counts; null when not met or valid for good. */
  validUntil: Date | null;
  /** What is missing, in Chinese; null when met. */
  missing: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

/** Education topics' names, as education-drills publishes their codes. */
const TOPIC_LABELS: Record<string, string> = {
  FIRE: '消防安全',
  LAB_SAFETY: '实验室安全',
  TRAFFIC: '交通安全',
  FOOD: '食品安全',
  CYBER: '网络安全',
  DISASTER: '防灾减灾',
  OTHER: '其他',
};

export function requirementLabel(item: Pick<LabRequirementItem, 'kind' | 'topic' | 'validDays'>): string {
  const topic = TOPIC_LABELS[item.topic] ?? item.topic;
  const within = item.validDays ? `（${item.validDays} 天内）` : '';
  return item.kind === LabRequirementKind.TRAINING ? `参加「${topic}」安全培训${within}` : `通过「${topic}」安全测试${within}`;
}

/** Each requirement against the person's facts at a moment: met when the latest attendance or pass still counts then. */
export function assessRequirements(items: readonly LabRequirementItem[], facts: readonly EducationFact[], at: Date): RequirementAssessment[] {
  return items.map((item) => {
    const fact = facts.find((candidate) => candidate.kind === item.kind && candidate.topic === item.topic && candidate.lastAt <= at);
    const lastAt = fact?.lastAt ?? null;
    const validUntil = lastAt && item.validDays ? new Date(lastAt.getTime() + item.validDays * DAY_MS) : null;
    const met = lastAt !== null && (validUntil === null || validUntil > at);
    const missing = met ? null : lastAt ? `${requirementLabel(item)}：上次已超过有效期` : requirementLabel(item);
    return { ...item, met, lastAt, validUntil: met ? validUntil : null, missing };
  });
}

/** The Chinese refusal: the lab and every missing item. */
export function missingMessage(labName: string, assessments: readonly RequirementAssessment[]): string {
  const missing = assessments.filter((item) => !item.met).map((item) => item.missing);
  return `未满足「${labName}」的准入条件：${missing.join('；')}`;
}
