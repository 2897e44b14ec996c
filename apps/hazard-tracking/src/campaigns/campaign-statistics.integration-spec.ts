import { newId } from '@campus/database';
import { createLogger } from '@campus/logger';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { CampaignSnapshotFreezer } from './campaign-snapshot-freezer';
import { campaignTestBed, createCampaign, office, officerA, otherOffice, PATHS, publishCampaign, SNAPSHOTS, STATISTICS, WORKBOOK } from './campaign-testing';

const logger = createLogger('campaign-test', 'silent');

describe('campaign statistics', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  /** The services' clock, 12:00 on 2026-11-20 in Shanghai to begin with. */
  const now = new Date('2026-11-20T04:00:00.000Z');
  const clock = () => now;
  const create = (overrides: Record<string, unknown> = {}) => createCampaign(runner, overrides);
  const publish = (campaign: { id: string; version: number }) => publishCampaign(runner, campaign);

  let hazardSeq = 0;
  async function hazard(campaignId: string | null, unit: string, facts: { category?: string; grade?: string; status: string; deadline?: string; planDeadline?: string; discoveredAt?: string }) {
    const id = newId();
    hazardSeq++;
    await db.dataSource.query(
      `INSERT INTO hazard (id, code, title, description, category, grade, source, status, place_text, discovered_at,
                           registered_by_account_id, org_unit_id, org_path, campaign_id, deadline, version)
       VALUES (?, ?, ?, '专项整治排查发现', ?, ?, 'CAMPAIGN', ?, '教学楼', ?, 'officer-a', ?, ?, ?, ?, 1)`,
      [
        id,
        `T-YH-2026-${String(hazardSeq).padStart(4, '0')}`,
        `隐患${hazardSeq}`,
        facts.category ?? 'FIRE',
        facts.grade ?? 'GENERAL',
        facts.status,
        new Date(facts.discoveredAt ?? '2026-11-10T02:00:00.000Z'),
        unit,
        PATHS[unit],
        campaignId,
        facts.deadline ?? null,
      ],
    );
    if (facts.planDeadline) {
      await db.dataSource.query(
        `INSERT INTO hazard_plan (hazard_id, responsible_person_id, measures, deadline, submitted_by_account_id, submitted_at)
         VALUES (?, 'p-leader', '整改', ?, 'officer-a', ?)`,
        [id, facts.planDeadline, new Date('2026-11-11T00:00:00Z')],
      );
    }
    return id;
  }

  beforeAll(async () => {
    ({ db, runner } = await campaignTestBed('campaign_stats', clock));
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('the statistics table (隐患问题统计表)', () => {
    let second: DataSource;

    beforeAll(async () => {
      second = await db.connectAgain();
    });

    afterAll(async () => {
      await second?.destroy();
    });

    it('freezes each due report date once, even with two freezers racing, and never changes it afterwards', async () => {
      const campaign = await publish(await create({ title: '校园安全专项整治工作' }));
      const draft = await create({ title: '未印发的专项整治' });
      const overdue = await hazard(campaign.id, 'collegea', { status: 'RECTIFYING', deadline: '2026-11-20' });
      await hazard(campaign.id, 'collegea', { status: 'CLOSED', grade: 'MAJOR' });
      await hazard(campaign.id, 'collegea', { status: 'REPORTED', planDeadline: '2026-11-25' });
      await hazard(campaign.id, 'collegea', { status: 'VOIDED', category: 'ELECTRICAL' });
      await hazard(campaign.id, 'collegea', { status: 'REGISTERED', discoveredAt: '2026-11-22T01:00:00.000Z' }); // after the cutoff
      await hazard(campaign.id, 'collegeb', { status: 'PENDING_ACCEPTANCE', category: 'FOOD', grade: 'MAJOR', planDeadline: '2026-11-21' });
      await hazard(campaign.id, 'collegeb', { status: 'ACCEPTED', category: 'FOOD' });
      await hazard(null, 'collegeb', { status: 'REGISTERED', category: 'FOOD' });
      await hazard(draft.id, 'collegeb', { status: 'REGISTERED', category: 'FOOD' });

      const freezeAt = new Date('2026-11-22T02:00:00.000Z'); // 10:00 on the report date
      const first = new CampaignSnapshotFreezer(db.dataSource, logger, { now: () => freezeAt });
      const other = new CampaignSnapshotFreezer(second, logger, { now: () => freezeAt });
      const snapshotCount = async () => Number((await db.dataSource.query('SELECT COUNT(*) AS count FROM campaign_snapshot'))[0].count);
      await first.runOnce(new Date('2026-11-21T15:59:00.000Z')); // 23:59 the day before: not due yet
      expect(await db.dataSource.query('SELECT id FROM campaign_snapshot WHERE campaign_id = ?', [campaign.id])).toEqual([]);
      const before = await snapshotCount();
      const [a, b] = await Promise.all([first.runOnce(), other.runOnce()]);
      expect(a + b).toBe((await snapshotCount()) - before);
      const frozenDates = await db.dataSource.query('SELECT campaign_id, report_date FROM campaign_snapshot WHERE campaign_id IN (?, ?)', [campaign.id, draft.id]);
      expect(frozenDates).toEqual([{ campaign_id: campaign.id, report_date: '2026-11-22' }]);
      expect(await first.runOnce()).toBe(0);

      const expectedRows = [
        { unit: { id: 'collegeb', name: '机电工程学院' }, category: 'FOOD', found: 2, general: 1, major: 1, rectified: 1, rectifying: 1, overdue: 1, rectificationRate: 0.5 },
        { unit: { id: 'collegea', name: '信息工程学院' }, category: 'FIRE', found: 3, general: 2, major: 1, rectified: 1, rectifying: 2, overdue: 1, rectificationRate: 1 / 3 },
      ];
      const expectedTotals = { found: 5, general: 3, major: 2, rectified: 2, rectifying: 3, overdue: 2, rectificationRate: 0.4 };
      const [snapshot] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(snapshot).toMatchObject({ reportDate: '2026-11-22', cutoffAt: '2026-11-21T16:00:00.000Z', frozenAt: freezeAt.toISOString() });
      expect(snapshot.rows).toEqual(expectedRows);
      expect(snapshot.totals).toEqual(expectedTotals);

      // Later changes show in the live figures, never in the snapshot.
      await db.dataSource.query("UPDATE hazard SET status = 'ACCEPTED' WHERE id = ?", [overdue]);
      await hazard(campaign.id, 'collegeb', { status: 'REGISTERED', category: 'SECURITY' });
      await db.dataSource.query("UPDATE org_unit_projection SET name = '机电与智能制造学院' WHERE id = 'collegeb'");
      const [again] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(again.rows).toEqual(expectedRows);
      expect(again.totals).toEqual(expectedTotals);
      const live = (await runner.data(office, STATISTICS, { id: campaign.id })).campaign.statistics;
      // Overdue counted against today (11-20): no deadline has passed yet.
      expect(live.totals).toEqual({ found: 7, general: 5, major: 2, rectified: 3, rectifying: 4, overdue: 0, rectificationRate: 3 / 7 });
      expect(live.rows.map((row: { unit: { name: string }; category: string }) => `${row.unit.name}/${row.category}`)).toEqual([
        '机电与智能制造学院/FOOD',
        '机电与智能制造学院/SECURITY',
        '信息工程学院/FIRE',
      ]);

      // A unit inside the scope sees its own lines and their totals.
      const [own] = (await runner.data(officerA, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(own.rows).toEqual([expectedRows[1]]);
      expect(own.totals.found).toBe(3);
      await db.dataSource.query("UPDATE org_unit_projection SET name = '机电工程学院' WHERE id = 'collegeb'");
    });

    it('downloads the frozen table as a workbook with Chinese headers and a totals row', async () => {
      const campaign = await publish(await create({ title: '校园安全专项整治', startsOn: '2026-11-01', reportDates: ['2026-11-15'], phases: [{ kind: 'SELF_CHECK', deadline: '2026-11-10' }] }));
      await hazard(campaign.id, 'collegea', { status: 'CLOSED', category: 'FIRE' });
      await hazard(campaign.id, 'collegea', { status: 'RECTIFYING', category: 'FIRE', grade: 'MAJOR', deadline: '2026-11-12' });
      await hazard(campaign.id, 'collegeb', { status: 'REPORTED', category: 'LAB_CHEMICAL' });
      await new CampaignSnapshotFreezer(db.dataSource, logger, { now: clock }).runOnce();
      const [snapshot] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;

      const file = (await runner.data(office, WORKBOOK, { id: snapshot.id })).campaignStatisticsWorkbook;
      expect(file.filename).toBe('校园安全专项整治工作隐患问题统计表-2026-11-15.xlsx');
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('隐患问题统计表');
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(sheet.getRow(1).getCell(1).value).toBe('校园安全专项整治工作隐患问题统计表');
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('范围：现代职业学院');
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('统计截至：2026-11-14 24时');
      expect(values(3)).toEqual(['单位', '隐患类别', '发现隐患数', '一般隐患', '重大隐患', '已整改', '整改中', '逾期未整改', '整改率']);
      expect(values(4)).toEqual(['机电工程学院', '实验室/危化品安全', 1, 1, 0, 0, 1, 0, 0]);
      expect(values(5)).toEqual(['信息工程学院', '消防安全', 2, 1, 1, 1, 1, 1, 0.5]);
      expect(values(6)).toEqual(['合计', '', 3, 2, 1, 1, 2, 1, 1 / 3]);
      expect(sheet.getRow(6).getCell(9).numFmt).toBe('0.0%');
      expect(sheet.rowCount).toBe(6);

      const officerFile = (await runner.data(officerA, WORKBOOK, { id: snapshot.id })).campaignStatisticsWorkbook;
      const officerBook = new Workbook();
      await officerBook.xlsx.load(Buffer.from(officerFile.base64, 'base64') as never);
      expect((officerBook.worksheets[0].getRow(4).values as unknown[]).slice(1, 3)).toEqual(['信息工程学院', '消防安全']);
      expect(officerBook.worksheets[0].rowCount).toBe(5);
      expect((await runner.run(otherOffice, WORKBOOK, { id: snapshot.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await runner.run(office, WORKBOOK, { id: 'no-such-snapshot' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
