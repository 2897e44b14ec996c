import { FieldProblem } from '@campus/graphql';
import { LEC_LIKELIHOOD, lecLevel, matrixLevel, RiskLevel, RiskMethod } from './risk-level';
import { RiskAssessmentInput } from './risk-point.inputs';

export interface Assessment {
  factors: Record<string, number>;
  score: number;
  level: RiskLevel;
}

/** Checks the factors the chosen method needs and grades the risk; problems name the fields. */
export function assess(input: RiskAssessmentInput): Assessment | FieldProblem[] {
  if (input.method === RiskMethod.MATRIX) {
    const problems: FieldProblem[] = [];
    if (!Number.isInteger(input.likelihood) || input.likelihood < 1 || input.likelihood > 5) {
      problems.push({ field: 'assessment.likelihood', message: '矩阵法的可能性应为 1–5 的整数' });
    }
    if (input.severity === undefined || input.severity === null || !Number.isInteger(input.severity)) {
      problems.push({ field: 'assessment.severity', message: '矩阵法需要 1–5 的严重性' });
    }
    if (problems.length) return problems;
    return { factors: { likelihood: input.likelihood, severity: input.severity! }, ...matrixLevel(input.likelihood, input.severity!) };
  }
  const problems: FieldProblem[] = [];
  if (!LEC_LIKELIHOOD.includes(input.likelihood)) {
    problems.push({ field: 'assessment.likelihood', message: `LEC 法的可能性 L 应为 ${LEC_LIKELIHOOD.join('、')} 之一` });
  }
  if (input.exposure === undefined || input.exposure === null) problems.push({ field: 'assessment.exposure', message: 'LEC 法需要暴露频率 E' });
  if (input.consequence === undefined || input.consequence === null) {
    problems.push({ field: 'assessment.consequence', message: 'LEC 法需要后果 C' });
  }
  if (problems.length) return problems;
  return {
    factors: { likelihood: input.likelihood, exposure: input.exposure!, consequence: input.consequence! },
    ...lecLevel(input.likelihood, input.exposure!, input.consequence!),
  };
}
