import { RequestContext } from '@campus/graphql';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Account, RoleGrantView } from '../accounts/account.types';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { pairingGrantsOf } from './section-pairing-grants';
import { SectionPairingService } from './section-pairing.service';

/** The grants an account holds through its section's pairings: what its next token carries beside its own grants. */
@Authorized()
@Resolver(() => Account)
export class AccountPairingGrantsResolver {
  constructor(
    private readonly pairings: SectionPairingService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @FieldResolver(() => [RoleGrantView], {
    description: '因股室联校包抓获得的授权（包抓学校的督导组成员）：随包抓安排和结束而变化，不能单独撤销（无授权编号）；重新登录后生效',
  })
  async pairingGrants(@Root() account: Account, @Ctx() context: RequestContext): Promise<RoleGrantView[]> {
    const grants = await pairingGrantsOf(this.pairings.manager, account.id);
    return Promise.all(
      grants.map(async (grant) => ({ id: null, role: grant.role, orgUnitId: grant.unitId, orgUnit: await loadOrgUnit(this.orgUnits, context, grant.unitId) })),
    );
  }
}
