import { DEMO_CLASS_TEACHER } from './demo-health-checks';
import { SECTION_DEMO_ACCOUNTS } from './demo-section-pairing';

/** Logins the demo makes beside DEMO_ACCOUNTS (those the security matrix plays) and the bootstrap admin: username, role, what they are. */
export const EXTRA_DEMO_LOGINS: [string, string, string][] = [
  ['jd.leader', 'UNIT_LEADER', '机电工程学院院长（其责任书的签署人）'],
  [DEMO_CLASS_TEACHER, 'STAFF', '计算机应用2401班班主任（晨午晚检）'],
  ...SECTION_DEMO_ACCOUNTS.map((account): [string, string, string] => [account.username, 'STAFF+INSPECTOR', account.description]),
];
