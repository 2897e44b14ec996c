import { GraphQLClient } from '@campus/testing';

export interface DutyLeadersDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  log: (line: string) => void;
}

const DESIGNATE = 'mutation($input: DesignateDutyLeaderInput!) { designateDutyLeader(input: $input) { dutyLeader { id } } }';

/**
 * The college's designated duty leaders (带班领导): its 院长 (a school leader) and the 信息工程学院院长 (a 中层干部
 * the school names), designated by the 院长. They are the leaders of the demo's duty roster, so it must run
 * before that roster's shifts are set.
 */
export async function seedDemoDutyLeaders(context: DutyLeadersDemoContext): Promise<void> {
  const head = context.clients['school.head'];
  for (const username of ['school.head', 'xx.leader']) {
    await head.data(DESIGNATE, {
      input: { orgUnitId: context.unitIds.XDZY, personId: context.personIds[username], clientRequestId: `demo-duty-leader-${username}` },
    });
  }
  context.log('demo: 2 designated duty leaders (院长, 信息工程学院院长)');
}
