import { registerEnumType } from 'type-graphql';

/** 风险分级: red 重大, orange 较大, yellow 一般, blue 低. */
export enum RiskLevel {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
  BLUE = 'BLUE',
}

export enum RiskMethod {
  /** Likelihood × severity, each 1–5. */
  MATRIX = 'MATRIX',
  /** LEC: likelihood × exposure × consequence (作业条件危险性评价法). */
  LEC = 'LEC',
}

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: '风险等级',
  valuesConfig: {
    RED: { description: '重大风险（红）' },
    ORANGE: { description: '较大风险（橙）' },
    YELLOW: { description: '一般风险（黄）' },
    BLUE: { description: '低风险（蓝）' },
  },
});

registerEnumType(RiskMethod, {
  name: 'RiskMethod',
  description: '风险评价方法',
  valuesConfig: { MATRIX: { description: '风险矩阵（可能性×严重性）' }, LEC: { description: 'LEC 作业条件危险性评价法' } },
});

export const LEC_LIKELIHOOD = [10, 6, 3, 1, 0.5, 0.2, 0.1];
export const LEC_EXPOSURE = [10, 6, 3, 2, 1, 0.5];
export const LEC_CONSEQUENCE = [100, 40, 15, 7, 3, 1];

/** R = L × S (1–25): 20–25 red, 15–19 orange, 9–14 yellow, 1–8 blue. */
export function matrixLevel(likelihood: number, severity: number): { score: number; level: RiskLevel } {
  const score = likelihood * severity;
  const level = score >= 20 ? RiskLevel.RED : score >= 15 ? RiskLevel.ORANGE : score >= 9 ? RiskLevel.YELLOW : RiskLevel.BLUE;
  return { score, level };
}

/** D = L × E × C: above 320 red (极其危险), 160–320 orange, 70–160 yellow, below 70 blue. */
export function lecLevel(likelihood: number, exposure: number, consequence: number): { score: number; level: RiskLevel } {
  const score = Math.round(likelihood * exposure * consequence * 100) / 100;
  const level = score > 320 ? RiskLevel.RED : score >= 160 ? RiskLevel.ORANGE : score >= 70 ? RiskLevel.YELLOW : RiskLevel.BLUE;
  return { score, level };
}
