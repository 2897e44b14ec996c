import { Role } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { countStatements } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const YEAR = Number(day(0).slice(0, 4));
const id = (name: string) => name.padEnd(32, '0');

const FIELDS = `placeCount keyPlaceCount uncoveredPlaceCount uncoveredKeyPlaceCount gridCoverageRate buildingsWithoutFireAcceptance letterYear letterStatus childUnits
  childLettersSigned childLetterSignedRate dutyShiftGaps dutyShiftsWithoutLeader dutyShiftsWithoutOfficer`;
const OVERVIEW = `query($id: ID!) { orgUnit(id: $id) { id responsibilityOverview { ${FIELDS} } } }`;
const DASHBOARD = `query($root: ID!, $first: Int!) { orgUnits(filter: { rootId: $root, kind: SCHOOL }, first: $first) {
  edges { node { id responsibilityOverview { ${FIELDS} } } } } }`;
const RANKING = `query($id: ID!, $metric: ResponsibilityRankMetric!, $order: RankOrder, $first: Int) { orgUnit(id: $id) {
  responsibilityRanking(metric: $metric, order: $order, first: $first) { unit { id code } value rank } } }`;

describe('OrgUnit.responsibilityOverview and responsibilityRanking (integration)', () => {
  let fixture: ResponsibilityFixture;
  const schools: Unit[] = [];
  let college: Unit;
  let signerId = '';

  const sql = (query: string, params: unknown[]) => fixture.db.dataSource.query(query, params);
  const place = (name: string, unit: Unit, key: boolean, gridId: string | null, active = true) =>
    sql('INSERT INTO place (id, org_unit_id, org_path, name, kind, key_place, grid_id, active, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)', [
      id(name), unit.id, unit.path, name, 'BUILDING', key, gridId, active,
    ]);
  const letter = (name: string, issuer: Unit, recipient: Unit, status: string, year = YEAR, needsResigning = false) =>
    sql(
      `INSERT INTO responsibility_letter (id, year, title, org_unit_id, org_path, issuer_unit_id, issuer_path, recipient_person_id, status, needs_resigning, version)
       VALUES (?, ?, '安全目标责任书', ?, ?, ?, ?, ?, ?, ?, 1)`,
      [id(name), year, recipient.id, recipient.path, issuer.id, issuer.path, signerId, status, needsResigning],
    );
  const roster = (name: string, unit: Unit, from: string, to: string, kind: string, shifts: string[]) =>
    sql(
      `INSERT INTO duty_roster (id, org_unit_id, org_path, name, start_date, end_date, period_kind, shifts, created_by_account_id, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      [id(name), unit.id, unit.path, name, from, to, kind, JSON.stringify(shifts.map((shift) => ({ name: shift, start: '08:00', end: '20:00' }))), id('admin')],
    );
  const slot = async (name: string, rosterName: string, date: string, shift: string, leaderId: string | null, officerIds: string[]) => {
    await sql('INSERT INTO duty_slot (id, roster_id, duty_date, shift_name, leader_person_id, updated_by_account_id) VALUES (?, ?, ?, ?, ?, ?)', [
      id(name), id(rosterName), date, shift, leaderId, id('admin'),
    ]);
    for (const [position, personId] of officerIds.entries()) {
      await sql('INSERT INTO duty_slot_officer (slot_id, person_id, position) VALUES (?, ?, ?)', [id(name), personId, position]);
    }
  };

  beforeAll(async () => {
    fixture = await startResponsibilityFixture('responsibility_overview');
    for (let index = 1; index <= 20; index++) schools.push(await fixture.createUnit(fixture.root.id, `S${String(index).padStart(2, '0')}`, OrgUnitKind.SCHOOL));
    const [s01, s02, s03, s04] = schools;
    college = await fixture.createUnit(s01.id, 'S01CA', OrgUnitKind.COLLEGE);
    await fixture.createUnit(fixture.root.id, 'JYJOFF', OrgUnitKind.OFFICE); // offices are issued no letters
    signerId = (await fixture.createPerson(s01.id, '校长')).id;
    // Places: s01 four in use (two key, one of them and one other outside any grid), s02 one key place outside.
    await sql('INSERT INTO grid (id, org_unit_id, org_path, name, level, version) VALUES (?, ?, ?, ?, 1, 1)', [id('grid'), s01.id, s01.path, '一级网格']);
    await place('p1', s01, true, id('grid'));
    await place('p2', s01, true, null);
    await place('p3', s01, false, null);
    await place('p4', college, false, id('grid'));
    await place('p5', s02, true, null);
    await place('p6', s02, false, null, false);
    // Fire acceptance of the buildings: p1 accepted, p2 in progress, p4 exempt; p3 and p5 have no record.
    for (const [placeName, unit, status] of [['p1', s01, 'ACCEPTED'], ['p2', s01, 'IN_PROGRESS'], ['p4', college, 'EXEMPT']] as const) {
      await sql('INSERT INTO fire_acceptance (id, org_unit_id, org_path, place_id, status, changed_by_account_id, version) VALUES (?, ?, ?, ?, ?, ?, 1)', [
        id(`f${placeName}`), unit.id, unit.path, id(placeName), status, 'admin',
      ]);
    }
    // Letters of this year: the bureau's to s01 signed, s02 issued, s03 signed but to be re-signed; s01's to its college signed.
    await letter('l1', fixture.root, s01, 'SIGNED');
    await letter('l2', fixture.root, s02, 'ISSUED');
    await letter('l3', fixture.root, s03, 'SIGNED', YEAR, true);
    await letter('l4', s01, college, 'SIGNED');
    await letter('l5', fixture.root, s04, 'SIGNED', YEAR - 1);
    // Duty: s01's holiday roster tomorrow and the day after (day and night); the college's ordinary roster today.
    const leader = await fixture.createPerson(s01.id, '带班领导');
    const stranger = await fixture.createPerson(s01.id, '未指定的领导');
    const officer = await fixture.createPerson(s01.id, '值班人员');
    await sql('INSERT INTO duty_leader (id, org_unit_id, org_path, person_id, designated_by_account_id, version) VALUES (?, ?, ?, ?, ?, 1)', [
      id('dl'), s01.id, s01.path, leader.id, id('admin'),
    ]);
    await roster('r1', s01, day(1), day(2), 'HOLIDAY', ['白班', '夜班']);
    await slot('t1', 'r1', day(1), '白班', leader.id, [officer.id]);
    await slot('t2', 'r1', day(1), '夜班', null, [officer.id]);
    await slot('t3', 'r1', day(2), '白班', stranger.id, [officer.id]);
    await roster('r2', college, day(0), day(0), 'NORMAL', ['白班']);
    await roster('r3', s02, day(-5), day(-1), 'HOLIDAY', ['白班']);
  });

  afterAll(async () => {
    await fixture?.drop();
  });

  const overview = async (unit: Unit, viewer = fixture.admin) => (await fixture.runner.data(viewer, OVERVIEW, { id: unit.id })).orgUnit.responsibilityOverview;

  it('counts grid coverage, this year\'s letters and upcoming duty gaps of each subtree', async () => {
    const [s01, s02, s03, s04] = schools;
    expect(await overview(s01)).toEqual({
      placeCount: 4, keyPlaceCount: 2, uncoveredPlaceCount: 2, uncoveredKeyPlaceCount: 1, gridCoverageRate: 0.5, buildingsWithoutFireAcceptance: 2,
      letterYear: YEAR, letterStatus: 'SIGNED', childUnits: 1, childLettersSigned: 1, childLetterSignedRate: 1,
      // Tomorrow's night and the day after's two shifts lack a (designated) leader, the last night an officer; the college's shift today an officer.
      dutyShiftGaps: 4, dutyShiftsWithoutLeader: 3, dutyShiftsWithoutOfficer: 2,
    });
    expect(await overview(college)).toMatchObject({ placeCount: 1, gridCoverageRate: 1, buildingsWithoutFireAcceptance: 0, letterStatus: 'SIGNED', childUnits: 0, childLetterSignedRate: null, dutyShiftGaps: 1 });
    expect(await overview(s02)).toMatchObject({ placeCount: 1, uncoveredKeyPlaceCount: 1, gridCoverageRate: 0, buildingsWithoutFireAcceptance: 1, letterStatus: 'ISSUED', dutyShiftGaps: 0 });
    expect((await overview(s03)).letterStatus).toBe('NEEDS_RESIGNING');
    expect(await overview(s04)).toMatchObject({ placeCount: 0, gridCoverageRate: null, letterStatus: 'NOT_ISSUED' });
    expect(await overview(fixture.root)).toMatchObject({
      placeCount: 5, keyPlaceCount: 3, uncoveredPlaceCount: 3, uncoveredKeyPlaceCount: 2, gridCoverageRate: 0.4, buildingsWithoutFireAcceptance: 3,
      letterStatus: null, childUnits: 20, childLettersSigned: 1, childLetterSignedRate: 0.05, dutyShiftGaps: 4,
    });
  });

  it('ranks the bureau\'s schools on duty gaps and grid coverage', async () => {
    const ranking = async (metric: string, order = 'WORST_FIRST', first = 3) =>
      (await fixture.runner.data(fixture.admin, RANKING, { id: fixture.root.id, metric, order, first })).orgUnit.responsibilityRanking;
    // Ties share a rank (their order is by id); the bureau's own office is part of it, not ranked beside the schools.
    const gaps = await ranking('DUTY_SHIFT_GAPS', 'WORST_FIRST', 30);
    expect(gaps).toHaveLength(20);
    expect(gaps[0]).toEqual({ unit: { id: schools[0].id, code: 'S01' }, value: 4, rank: 1 });
    expect(gaps.slice(1).every((row: any) => row.value === 0 && row.rank === 2)).toBe(true);
    const coverage = await ranking('GRID_COVERAGE_RATE');
    expect(coverage.slice(0, 2)).toEqual([
      { unit: { id: schools[1].id, code: 'S02' }, value: 0, rank: 1 },
      { unit: { id: schools[0].id, code: 'S01' }, value: 0.5, rank: 2 },
    ]);
    expect(coverage[2]).toMatchObject({ value: null, rank: 3 });
  });

  it('answers a college officer for their college only', async () => {
    const officerCa = fixture.viewerAt(Role.UNIT_SAFETY_OFFICER, college);
    expect((await overview(college, officerCa)).placeCount).toBe(1);
    const other = await fixture.runner.run(officerCa, OVERVIEW, { id: schools[1].id });
    expect(other.data?.orgUnit ?? null).toBeNull();
    const parent = await fixture.runner.run(officerCa, `query($id: ID!) { orgUnit(id: $id) { parent { id responsibilityOverview { placeCount } } } }`, { id: college.id });
    expect(parent.data?.orgUnit?.parent?.responsibilityOverview ?? null).toBeNull();
    const ranking = await fixture.runner.run(officerCa, RANKING, { id: schools[0].id, metric: 'DUTY_SHIFT_GAPS' });
    expect(ranking.data?.orgUnit ?? null).toBeNull();
  });

  it('costs the same number of SQL statements for a county dashboard of 2 schools and of 20', async () => {
    const dashboard = (first: number, query = DASHBOARD) =>
      countStatements(fixture.db.dataSource, () => fixture.runner.data(fixture.admin, query, { root: fixture.root.id, first }));
    const two = await dashboard(2);
    const twenty = await dashboard(20);
    expect(twenty.result.orgUnits.edges).toHaveLength(20);
    expect(twenty.result.orgUnits.edges.every((edge: any) => edge.node.responsibilityOverview !== null)).toBe(true);
    expect(twenty.count).toBe(two.count);
    const listOnly = await dashboard(20, DASHBOARD.replace(/responsibilityOverview \{[^}]*\}/, ''));
    expect(twenty.count - listOnly.count).toBeLessThanOrEqual(7);
    console.log(
      `responsibility-network SQL statements: dashboard of 2 schools ${two.count}, of 20 schools ${twenty.count} ` +
        `(the orgUnits list alone ${listOnly.count}, the overviews ${twenty.count - listOnly.count})`,
    );
  });
});
