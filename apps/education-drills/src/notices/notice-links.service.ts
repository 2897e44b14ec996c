import { Caller, ConflictError, ExportFile, xlsxExport } from '@campus/graphql';
import { DataSource } from 'typeorm';
import type { EducationSettings } from '../service';
import { HomeSchoolNoticeStatus } from './notice-enums';
import { hashLinkToken, linkPath, newLinkToken } from './notice-link';
import { NOTICE_ACCESS, NOTICE_RECIPIENT_ACCESS } from './notice.access';
import { NoticeEntity } from './notice.entity';

interface LinkRow {
  id: string;
  student_name: string;
  org_unit_id: string;
  token_issued_at: Date | null;
  acknowledged_at: Date | null;
  unit_name: string | null;
}

const BATCH = 500;

/**
 * The sheet of guardians' links (for SMS, 企业微信 or printed slips with a QR code). A token exists in
 * plain only in the sheet that issued it: the first download issues every unacknowledged recipient's
 * link; later ones issue links only to recipients without one, unless `reissue`, which replaces them
 * (the earlier links stop working).
 */
export class NoticeLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: EducationSettings,
  ) {}

  async workbook(caller: Caller, noticeId: string, reissue: boolean, linkBase: string | null): Promise<ExportFile> {
    return this.dataSource.transaction(async (manager) => {
      const notice = await NOTICE_ACCESS.find(manager, caller, 'view', noticeId);
      NOTICE_RECIPIENT_ACCESS.checkRole(caller, 'issueLinks', notice.orgPath);
      if (notice.status !== HomeSchoolNoticeStatus.SENT) {
        throw new ConflictError('ILLEGAL_TRANSITION', '只有已发送且未结束的告知可以生成家长确认链接', { id: notice.id, status: notice.status });
      }
      const scope = NOTICE_RECIPIENT_ACCESS.where(caller, 'issueLinks', 'r.org_path');
      const [sql, params] = manager.connection.driver.escapeQueryWithParameters(
        `SELECT r.id, r.student_name, r.org_unit_id, r.token_issued_at, r.acknowledged_at, u.name AS unit_name
         FROM home_school_notice_recipient r LEFT JOIN org_unit_projection u ON u.id = r.org_unit_id
         WHERE r.notice_id = :noticeId AND ${scope.sql}
         ORDER BY u.path, r.student_name, r.id FOR UPDATE`,
        { ...scope.params, noticeId },
        {},
      );
      const rows: LinkRow[] = await manager.query(sql, params);
      const now = this.settings.now();
      const issued = new Map<string, string>();
      for (const row of rows) {
        if (row.acknowledged_at || (row.token_issued_at && !reissue)) continue;
        issued.set(row.id, newLinkToken());
      }
      const entries = [...issued.entries()];
      for (let start = 0; start < entries.length; start += BATCH) {
        const batch = entries.slice(start, start + BATCH);
        await manager.query(
          `UPDATE home_school_notice_recipient SET token_hash = CASE id ${batch.map(() => 'WHEN ? THEN ?').join(' ')} END, token_issued_at = ?
           WHERE id IN (?)`,
          [...batch.flatMap(([id, token]) => [id, hashLinkToken(token)]), now, batch.map(([id]) => id)],
        );
      }
      return this.sheet(notice, rows, issued, linkBase ?? '');
    });
  }

  private sheet(notice: NoticeEntity, rows: LinkRow[], issued: Map<string, string>, linkBase: string): Promise<ExportFile> {
    const base = linkBase.replace(/\/+$/, '');
    return xlsxExport(`家长确认链接-${notice.title}.xlsx`, [
      {
        name: '家长确认链接',
        title: `${notice.title} 家长确认链接`,
        subtitle: `确认截止 ${notice.deadline}；每个链接仅供该生家长使用一次，请勿转发。“已生成”的链接如遗失，请重新生成（原链接随即失效）`,
        headers: ['学生姓名', '班级/单位', '确认链接', '状态'],
        widths: [14, 24, 80, 28],
        rows: rows.map((row) => {
          const token = issued.get(row.id);
          const status = row.acknowledged_at ? '家长已确认' : token ? '新生成' : `已生成（${row.token_issued_at?.toISOString().slice(0, 10)}）`;
          return [row.student_name, row.unit_name ?? row.org_unit_id, token ? `${base}${linkPath(token)}` : null, status];
        }),
      },
    ]);
  }
}
