/** One tab GraphiQL opens with (GraphiQL 3's `defaultTabs`). */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const LOGIN = `# 校园安全管理平台 API 浏览器 / Campus safety platform API explorer
#
# 1. 运行本页（▶ 或 Ctrl+Enter）以演示账号登录，得到 token。
#    Run this tab (▶ or Ctrl+Enter) to log in as a demo user and get a token.
# 2. 之后本页自动以该 token 发送请求；也可在下方 Headers 中写
#    {"Authorization": "Bearer <token>"}（Headers 中的 Authorization 优先）。
#    The page then sends that token with every request; or paste
#    {"Authorization": "Bearer <token>"} into Headers below (it takes precedence).
# 3. 运行其他标签页的示例；右上角 Docs（📖）查看字段的中文说明。
#    Run the examples in the other tabs; the Docs pane describes every field.
#
# 其他演示账号 / other demo users (same password): bureau.admin, school.head, xx.officer, grid.officer, inspector, counselor, staff
mutation Login {
  login(input: { username: "safety.office", password: "Campus@2026" }) {
    token
    expiresAt
    account { username }
  }
}
`;

const ME_AND_UNITS = `# 责任体系 responsibility-network：当前账号与管辖单位 / who I am and the units I oversee
query MeAndUnits {
  me {
    username
    person { name }
    grants { role orgUnit { name } }
  }
  orgUnits(first: 20) {
    totalCount
    edges { node { id code name kind depth } }
  }
}
`;

const HAZARD_LEDGER = `# 隐患排查治理 hazard-tracking：隐患台账 / the hazard ledger, newest first
query HazardLedger {
  hazards(first: 20) {
    totalCount
    edges {
      node { id code title grade status deadline overdue orgUnit { name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const EMERGENCY_PLANS = `# 宣传教育与应急演练 education-drills：应急预案与教育活动 / emergency plans and education activities
query PlansAndActivities {
  emergencyPlans(first: 10) {
    totalCount
    edges { node { id title type status nextReviewDue orgUnit { name } } }
  }
  educationActivities(first: 10) {
    totalCount
    edges { node { id title kind startsAt orgUnit { name } } }
  }
}
`;

const APPRAISAL_SCHEMES = `# 监督考核 supervision-appraisal：考核方案 / appraisal schemes
query AppraisalSchemes {
  appraisalSchemes(first: 10) {
    totalCount
    edges { node { id name year period status indicators { name weight } } }
  }
}
`;

export const EXAMPLE_TABS: ExampleTab[] = [
  { query: LOGIN },
  { query: ME_AND_UNITS },
  { query: HAZARD_LEDGER },
  { query: EMERGENCY_PLANS },
  { query: APPRAISAL_SCHEMES },
];
