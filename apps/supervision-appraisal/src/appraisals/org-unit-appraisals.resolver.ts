import { callerOf, OrgUnitReference, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { APPRAISAL_ACCESS } from './appraisal.access';
import { AppraisalEntity, AppraisalStage } from './appraisal.entity';
import { Appraisal, toAppraisal } from './appraisal.types';

/** The latest results shown per unit on a dashboard. */
const LATEST = 10;

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitAppraisalsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [Appraisal], { description: '本单位的考核结果（最近 10 项，新的在前；本单位及上级可见）' })
  appraisals(
    @Root() unit: OrgUnitReference,
    @Arg('stage', () => AppraisalStage, { defaultValue: AppraisalStage.PROCESS }) stage: AppraisalStage,
    @Ctx() context: RequestContext,
  ): Promise<Appraisal[]> {
    const caller = callerOf(context);
    const loader = context.loaders.get(`OrgUnit.appraisals:${stage}`, () =>
      new DataLoader<string, Appraisal[]>(async (unitIds) => {
        const rows = await this.dataSource.getRepository(AppraisalEntity).find({ where: { orgUnitId: In([...unitIds]), stage }, order: { computedAt: 'DESC' } });
        const visible = rows.filter((row) => APPRAISAL_ACCESS.allows(caller, 'view', row.orgPath));
        return unitIds.map((id) => visible.filter((row) => row.orgUnitId === id).slice(0, LATEST).map(toAppraisal));
      }),
    );
    return loader.load(unit.id);
  }
}
