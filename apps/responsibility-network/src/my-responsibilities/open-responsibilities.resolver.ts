import { calendarDateOf } from '@campus/graphql';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.types';
import { dutyShiftsOf } from '../duty-rosters/duty-responsibilities';
import { openGridRolesOf } from '../grids/grid-responsibilities';
import { lettersToSignBy } from '../letters/letter-responsibilities';
import { postsHeldBy } from '../posts/post-responsibilities';
import { DUTY_LOOKAHEAD_DAYS, OpenResponsibilities } from './open-responsibilities.types';

/**
 * `me { openResponsibilities }`: what the account's person answers for now, asked of each area that
 * holds it (grids, posts, letters, duty rosters) through its own query: four statements, run together.
 * They are the person's own duties, so they are not limited to a scope.
 */
@Resolver(() => Account)
export class OpenResponsibilitiesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => OpenResponsibilities, { nullable: true, description: '账号对应人员当前承担的安全责任' })
  async openResponsibilities(@Root() account: Account): Promise<OpenResponsibilities | null> {
    const personId = account.person?.id;
    if (!personId) return null;
    const manager = this.dataSource.manager;
    const today = calendarDateOf(new Date());
    const until = calendarDateOf(new Date(Date.now() + (DUTY_LOOKAHEAD_DAYS - 1) * 24 * 3600 * 1000));
    const [gridRoles, posts, lettersToSign, dutyShifts] = await Promise.all([
      openGridRolesOf(manager, personId, today),
      postsHeldBy(manager, personId),
      lettersToSignBy(manager, personId),
      dutyShiftsOf(manager, personId, today, until),
    ]);
    return { gridRoles, posts, lettersToSign, dutyShifts };
  }
}
