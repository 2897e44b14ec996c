import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HazardStep } from '../hazards/hazard-loop.types';
import { Hazard } from '../hazards/hazard.types';
import { EvidenceKind } from './evidence-enums';
import { EvidenceQueries } from './evidence-queries';
import { HazardEvidence } from './evidence.types';

/** Hazard.evidence: the photos and documents of a hazard (its scope was checked when the hazard was read). */
@Authorized()
@Resolver(() => Hazard)
export class HazardEvidenceResolver {
  constructor(private readonly queries: EvidenceQueries) {}

  @FieldResolver(() => [HazardEvidence], { description: '佐证材料（照片、文件），按上传先后；可只看某一类别（如整改前、整改后照片）' })
  async evidence(
    @Root() hazard: Hazard,
    @Arg('kind', () => EvidenceKind, { nullable: true, description: '类别' }) kind: EvidenceKind | null | undefined,
    @Ctx() context: RequestContext,
  ): Promise<HazardEvidence[]> {
    const all = await this.queries.batchedForHazard(callerOf(context), hazard.id);
    return kind ? all.filter((item) => item.kind === kind) : all;
  }
}

/** HazardStep.evidenceFiles: the uploaded files a step cites in its evidence list. */
@Authorized()
@Resolver(() => HazardStep)
export class HazardStepEvidenceResolver {
  constructor(private readonly queries: EvidenceQueries) {}

  @FieldResolver(() => [HazardEvidence], { description: '本步骤引用的佐证材料文件' })
  evidenceFiles(@Root() step: HazardStep, @Ctx() context: RequestContext): Promise<HazardEvidence[]> {
    return this.queries.batchedByIds(callerOf(context), step.evidence);
  }
}
