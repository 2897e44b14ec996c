import type { SubgraphName } from '@campus/platform';

/**
 * Who an operation is sent as: the demo school's safety office, the county bureau's admin (the dashboard), or the
 * safety office of the county's second school, whose school takes the transition's thousands of hazards so that
 * the demo school's ledger stays the demo's.
 */
export type Sender = 'safety.office' | 'bureau.admin' | 'second.office';

/** One measured operation: what the gateway is sent, and its floor — what the subgraph answering it is sent directly. */
export interface Operation {
  name: string;
  /** As the report names it. */
  label: string;
  sender: Sender;
  gateway: { query: string; variables?: Record<string, unknown> };
  direct: { subgraph: SubgraphName; query: string; variables?: Record<string, unknown> };
  /** A mutation: each request acts on another of the prepared hazards (prepared anew per run). */
  mutation?: boolean;
  /** Which gateway ÷ direct goals apply. */
  goal: 'single' | 'join' | 'none';
  /** Measured through the bare proxy too (bare-proxy.ts): the floor of any gateway. */
  floor?: boolean;
}

const LEDGER_FIELDS = 'id code title status grade deadline';
export const LEDGER_PAGE = `{ hazards(first: 20) { totalCount edges { node { ${LEDGER_FIELDS} } } } }`;
const LEDGER_JOINED = `{ hazards(first: 20) { totalCount edges { node { ${LEDGER_FIELDS} orgUnit { name } responsiblePerson { name } } } } }`;
const HAZARD_FILE = `query($id: ID!) { hazard(id: $id) { ${LEDGER_FIELDS} description category source placeText discoveredAt overdue failedAcceptances version
  plan { measures deadline contingencyPlan funds } steps { seq action from to comment at } evidence { id filename contentType size } escalations { __typename } } }`;
const STATS = 'total rectified rectificationRate onTimeRate overdue averageDaysToClose byStatus { status count }';
const ME = `{ me { id username person { id name } openResponsibilities { gridRoles { id role from gridId } posts { id title kind vacant }
  lettersToSign { id year title status needsResigning } dutyShifts { rosterId rosterName date shiftName asLeader } } } }`;
export const REPORT_HAZARD = 'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id status version } } }';

/** What the demo gives the operations: a hazard of the school, the county's schools, the period of the dashboard. */
export interface OperationInputs {
  hazardId: string;
  countyId: string;
  schoolIds: string[];
  from: string;
  to: string;
}

export function operations(inputs: OperationInputs): Operation[] {
  const period = { from: inputs.from, to: inputs.to };
  return [
    { name: 'ledger', label: '台账一页（20 条隐患）', sender: 'safety.office', goal: 'single', floor: true, gateway: { query: LEDGER_PAGE }, direct: { subgraph: 'hazard-tracking', query: LEDGER_PAGE } },
    {
      name: 'ledger-large',
      label: '台账一页（另一所学校，数千条隐患）',
      sender: 'second.office',
      goal: 'none',
      gateway: { query: LEDGER_PAGE },
      direct: { subgraph: 'hazard-tracking', query: LEDGER_PAGE },
    },
    {
      name: 'ledger-join',
      label: '台账一页 + 单位名称、责任人（责任网络子图的字段）',
      sender: 'safety.office',
      goal: 'join',
      gateway: { query: LEDGER_JOINED },
      direct: { subgraph: 'hazard-tracking', query: LEDGER_PAGE },
    },
    {
      name: 'hazard-file',
      label: '一患一案（隐患详情、方案、全过程、佐证）',
      sender: 'safety.office',
      goal: 'single',
      gateway: { query: HAZARD_FILE, variables: { id: inputs.hazardId } },
      direct: { subgraph: 'hazard-tracking', query: HAZARD_FILE, variables: { id: inputs.hazardId } },
    },
    {
      name: 'county-dashboard',
      label: '县教育局看板：各校隐患统计（两个子图）',
      sender: 'bureau.admin',
      goal: 'join',
      gateway: { query: `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { children { id name hazardStats(from: $from, to: $to) { ${STATS} } } } }`, variables: { id: inputs.countyId, ...period } },
      // What the gateway asks hazard-tracking for, once it has the schools from responsibility-network.
      direct: {
        subgraph: 'hazard-tracking',
        query: `query($representations: [_Any!]!, $from: CalendarDate!, $to: CalendarDate!) { _entities(representations: $representations) { ... on OrgUnit { id hazardStats(from: $from, to: $to) { ${STATS} } } } }`,
        variables: { representations: inputs.schoolIds.map((id) => ({ __typename: 'OrgUnit', id })), ...period },
      },
    },
    { name: 'me', label: '我的待办责任（me.openResponsibilities）', sender: 'safety.office', goal: 'single', gateway: { query: ME }, direct: { subgraph: 'responsibility-network', query: ME } },
    {
      name: 'transition',
      label: '隐患报告（reportHazard，每次一条新隐患）',
      sender: 'second.office',
      goal: 'single',
      mutation: true,
      gateway: { query: REPORT_HAZARD },
      direct: { subgraph: 'hazard-tracking', query: REPORT_HAZARD },
    },
    { name: 'typename', label: '{ __typename }', sender: 'safety.office', goal: 'none', floor: true, gateway: { query: '{ __typename }' }, direct: { subgraph: 'hazard-tracking', query: '{ __typename }' } },
  ];
}
