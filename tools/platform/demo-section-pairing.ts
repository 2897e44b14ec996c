import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { DEMO_PASSWORD } from './demo-seed';

export interface SectionPairingDemoContext {
  /** The bureau's admin (教育局安全管理员): creates the sections, their people and accounts, and the pairings. */
  admin: GraphQLClient;
  unitIds: Record<string, string>;
  log: (line: string) => void;
}

/** The demo's section accounts: each holds STAFF at its section and, through the pairing, INSPECTOR at its school. */
export const SECTION_DEMO_ACCOUNTS = [
  { username: 'aqg.staff', section: 'BUREAU-AQG', school: 'XDZY', person: { name: '何卫东', position: '安全股干事', phone: '13909310021' }, description: '教育局安全股（包抓现代职业学院）' },
  { username: 'jyg.staff', section: 'BUREAU-JYG', school: 'YZ', person: { name: '郑晓燕', position: '基教股干事', phone: '13909310022' }, description: '教育局基教股（包抓县第一中学）' },
] as const;

const SECTIONS = [
  { code: 'BUREAU-AQG', name: '安全股' },
  { code: 'BUREAU-JYG', name: '基教股' },
];

const CREATE_UNIT = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }';
const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const CREATE_PAIRING = 'mutation($input: CreateSectionPairingInput!) { createSectionPairing(input: $input) { sectionPairing { id } } }';

/**
 * 股室联校包抓: two sections of 某县教育体育局 (安全股, 基教股) with one account each; 安全股 pairs with 现代职业学院
 * (its 股长 as 包抓领导) and 基教股 with 县第一中学. Each account's next login carries INSPECTOR at its school.
 */
export async function seedDemoSectionPairing({ admin, unitIds, log }: SectionPairingDemoContext): Promise<void> {
  for (const section of SECTIONS) {
    const created = await admin.data(CREATE_UNIT, { input: { parentId: unitIds.BUREAU, code: section.code, name: section.name, kind: 'OFFICE' } });
    unitIds[section.code] = created.createOrgUnit.orgUnit.id;
  }
  const chief = await admin.data(CREATE_PERSON, {
    input: { orgUnitId: unitIds['BUREAU-AQG'], kind: 'STAFF', name: '刘振华', position: '安全股股长', phone: '13909310020' },
  });
  const sectionPeople: string[] = [];
  for (const account of SECTION_DEMO_ACCOUNTS) {
    const person = await admin.data(CREATE_PERSON, { input: { orgUnitId: unitIds[account.section], kind: 'STAFF', ...account.person } });
    sectionPeople.push(person.createPerson.person.id);
    await admin.data(CREATE_ACCOUNT, {
      input: {
        username: account.username,
        password: DEMO_PASSWORD,
        personId: person.createPerson.person.id,
        grants: [{ role: 'STAFF', orgUnitId: unitIds[account.section] }],
      },
    });
    await admin.data(CREATE_PAIRING, {
      input: {
        sectionId: unitIds[account.section],
        schoolId: unitIds[account.school],
        leadPersonId: account.section === 'BUREAU-AQG' ? chief.createPerson.person.id : null,
        note: '股室联校包抓：督促学校落实安全责任、排查整改隐患',
        clientRequestId: `demo-section-pairing-${account.section}`,
      },
    });
  }
  await seedBureauDuty(admin, unitIds.BUREAU, sectionPeople);
  log('demo: 2 bureau sections (安全股, 基教股) paired with 现代职业学院 and 县第一中学, accounts aqg.staff and jyg.staff; they are on the bureau’s duty tomorrow');
}

/** 教育局机关值班: the sections' people take tomorrow's day shift (their to-do lists and reminders show it). */
async function seedBureauDuty(admin: GraphQLClient, bureauId: string, officerPersonIds: string[]): Promise<void> {
  const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));
  const roster = await admin.data('mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }', {
    input: { orgUnitId: bureauId, name: '教育局机关值班表', startDate: day(0), endDate: day(6), periodKind: 'NORMAL', shifts: [{ name: '白班', start: '08:30', end: '17:30' }] },
  });
  await admin.data('mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { date } } }', {
    input: { rosterId: roster.createDutyRoster.dutyRoster.id, date: day(1), shiftName: '白班', leaderPersonId: null, officerPersonIds },
  });
}
