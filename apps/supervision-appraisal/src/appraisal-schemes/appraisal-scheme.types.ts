import { ConnectionType, OrgUnitKind, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AppraisalPeriod, AppraisalSchemeStatus, IndicatorKind, IndicatorMetric, ScoringRuleKind, VetoRuleKind } from './appraisal-enums';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from './appraisal-scheme.entity';
import { DEFAULT_GRADE_BANDS, ScoringRule } from './scoring';

@ObjectType('ScoreBand')
export class ScoreBand {
  @Field(() => Float)
  atLeast: number;

  @Field(() => Float, { description: '得分比例（%）' })
  percent: number;
}

@ObjectType('ScoringRule', { description: '计分规则' })
export class ScoringRuleType {
  @Field(() => ScoringRuleKind)
  kind: ScoringRuleKind;

  @Field(() => Float, { nullable: true })
  zeroAt: number | null;

  @Field(() => Float, { nullable: true })
  fullAt: number | null;

  @Field(() => Float, { nullable: true })
  perOccurrence: number | null;

  @Field(() => Float, { nullable: true })
  cap: number | null;

  @Field(() => [ScoreBand], { nullable: true })
  bands: ScoreBand[] | null;
}

@ObjectType('GradeBand', { description: '考核等次及其分数线' })
export class GradeBandType {
  @Field()
  grade: string;

  @Field(() => Float)
  minimum: number;
}

@ObjectType('AppraisalIndicator', { description: '考核指标' })
export class AppraisalIndicator {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Float, { description: '权重（全部指标合计 100）' })
  weight: number;

  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => IndicatorMetric, { nullable: true })
  metric: IndicatorMetric | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ScoringRuleType, { nullable: true, description: '计分规则（人工指标为空）' })
  rule: ScoringRuleType | null;
}

@ObjectType('AppraisalScheme', { description: '考核方案' })
export class AppraisalScheme {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  year: number;

  @Field(() => AppraisalPeriod)
  period: AppraisalPeriod;

  @Field(() => AppraisalSchemeStatus)
  status: AppraisalSchemeStatus;

  @Field(() => OrgUnitReference, { nullable: true, description: '制定方案的单位（考核其下级）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => OrgUnitKind, { nullable: true, description: '被考核单位类型；空为直属下级单位' })
  appraisedUnitKind: OrgUnitKind | null;

  @Field(() => [GradeBandType], { description: '等次' })
  gradeBands: GradeBandType[];

  @Field(() => [VetoRuleKind], { description: '一票否决情形' })
  vetoRules: VetoRuleKind[];

  @Field(() => Int, { description: '结果公示后的申诉期（天）' })
  objectionDays: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class AppraisalSchemeConnection extends ConnectionType('AppraisalScheme', AppraisalScheme) {}

@ObjectType()
export class AppraisalSchemePayload {
  @Field(() => AppraisalScheme)
  appraisalScheme: AppraisalScheme;
}

export function toAppraisalScheme(entity: AppraisalSchemeEntity): AppraisalScheme {
  return {
    id: entity.id,
    name: entity.name,
    year: entity.year,
    period: entity.period,
    status: entity.status,
    orgUnit: orgUnitReference(entity.orgUnitId),
    appraisedUnitKind: (entity.appraisedUnitKind as OrgUnitKind | null) ?? null,
    gradeBands: entity.gradeBands ?? [...DEFAULT_GRADE_BANDS],
    vetoRules: entity.vetoRules ?? [],
    objectionDays: entity.objectionDays,
    publishedAt: entity.publishedAt,
    closedAt: entity.closedAt,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toAppraisalIndicator(entity: AppraisalIndicatorEntity): AppraisalIndicator {
  return {
    id: entity.id,
    name: entity.name,
    weight: Number(entity.weight),
    kind: entity.kind,
    metric: entity.metric,
    description: entity.description,
    rule: entity.rule ? toScoringRuleType(entity.rule) : null,
  };
}

function toScoringRuleType(rule: ScoringRule): ScoringRuleType {
  return {
    kind: rule.kind as ScoringRuleKind,
    zeroAt: rule.kind === 'LINEAR' ? rule.zeroAt : null,
    fullAt: rule.kind === 'LINEAR' ? rule.fullAt : null,
    perOccurrence: rule.kind === 'DEDUCTION' ? rule.perOccurrence : null,
    cap: rule.kind === 'DEDUCTION' ? (rule.cap ?? null) : null,
    bands: rule.kind === 'BANDS' ? rule.bands : null,
  };
}
