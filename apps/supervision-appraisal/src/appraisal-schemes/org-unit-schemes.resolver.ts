import { ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AppraisalSchemeFilter } from './appraisal-scheme.inputs';
import { AppraisalSchemeService } from './appraisal-scheme.service';
import { AppraisalSchemeConnection } from './appraisal-scheme.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitSchemesResolver {
  constructor(private readonly schemeService: AppraisalSchemeService) {}

  @FieldResolver(() => AppraisalSchemeConnection, { nullable: true, description: '本单位制定的考核方案' })
  appraisalSchemes(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => AppraisalSchemeFilter, { defaultValue: {} }) filter: AppraisalSchemeFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalSchemeConnection> {
    return this.schemeService.unitConnection(context, unit.id, filter, first, after);
  }
}
