import { TokenVerifier } from '@campus/auth';
import { ASCII_ID, newId } from '@campus/database';
import {
  answerUpload,
  badUpload,
  callerOfRequest,
  cleanFilename,
  DOCX,
  FileStore,
  FileType,
  JPEG,
  PDF,
  PNG,
  receiveFileAs,
  sendFileError,
  sendStoredFile,
  StoredFile,
  storedFileColumns,
  StoredFileFields,
  storedFileFields,
  StoredFileRecord,
  storeThenRecord,
  XLSX,
} from '@campus/files';
import { Caller, callerOf, RequestContext } from '@campus/graphql';
import { definePolicy, lockTransition, requireTransition, scopedAccess, viewRule } from '@campus/server';
import DataLoader from 'dataloader';
import { Express, Request, Response } from 'express';
import { Readable } from 'node:stream';
import { Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Column, DataSource, Entity, EntityManager, In } from 'typeorm';
import { REPORT_SUBMISSION_ACCESS, REPORT_SUBMISSION_LOCKER, REPORT_SUBMISSION_TRANSITIONS } from './periodic-report.access';
import { ReportSubmissionEntity } from './periodic-report.entity';
import { PeriodicReportSubmission } from './periodic-report.types';

const ATTACHMENT_TYPES: readonly FileType[] = [PDF, DOCX, XLSX, JPEG, PNG];

/** A file attached to a submission, at the revision it was added to; scoped like the submission (the target unit). */
@Entity('periodic_report_attachment')
export class ReportAttachmentEntity extends StoredFileRecord {
  @Column({ name: 'submission_id', ...ASCII_ID })
  submissionId: string;

  @Column({ type: 'int' })
  revision: number;
}

export const REPORT_ATTACHMENT_POLICY = definePolicy({ aggregate: 'PeriodicReportAttachment', label: '报送材料附件', actions: { view: viewRule('查看和下载') } });
const REPORT_ATTACHMENT_ACCESS = scopedAccess(REPORT_ATTACHMENT_POLICY, ReportAttachmentEntity);

@ObjectType('PeriodicReportAttachment', { description: '报送材料的附件（PDF、Word、Excel 或图片，经网关上传和下载）' })
export class PeriodicReportAttachment extends StoredFileFields {
  @Field(() => Int, { description: '上传时报送材料的版本号' })
  revision: number;
}

function toAttachment(row: ReportAttachmentEntity): PeriodicReportAttachment {
  return { ...storedFileFields(row, `/periodic-report-attachments/${row.id}`), revision: row.revision };
}

/**
 * The submission, when the caller may attach a file to it now: as for a resubmission (NOT_FOUND out of scope,
 * FORBIDDEN without a reporter's role at the target unit, CONFLICT once acknowledged). Locked with `manager` in a transaction.
 */
async function submissionAcceptingFiles(manager: EntityManager, caller: Caller, submissionId: string): Promise<ReportSubmissionEntity> {
  const { row } = await lockTransition(REPORT_SUBMISSION_LOCKER, manager, caller, REPORT_SUBMISSION_TRANSITIONS, 'RESUBMIT', { id: submissionId });
  return row;
}

/** 报送材料附件: stored on the service's file store under periodic-reports/<submission>/<id>. */
export class ReportAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  async upload(caller: Caller, upload: { submissionId: string; note: string | null; filename?: string }, content: Readable): Promise<PeriodicReportAttachment> {
    const submission = await REPORT_SUBMISSION_ACCESS.find(this.dataSource.manager, caller, 'RESUBMIT', upload.submissionId);
    requireTransition(REPORT_SUBMISSION_TRANSITIONS, 'RESUBMIT', submission.status, submission.id);
    const id = newId();
    const storageKey = `periodic-reports/${submission.id}/${id}`;
    await storeThenRecord(this.store, storageKey, content, { allowed: ATTACHMENT_TYPES, maxBytes: this.maxBytes }, (file) =>
      this.dataSource.transaction(async (manager) => {
        const current = await submissionAcceptingFiles(manager, caller, upload.submissionId);
        await manager.getRepository(ReportAttachmentEntity).insert({
          id,
          submissionId: current.id,
          revision: current.revision,
          ...storedFileColumns(file, { storageKey, filename: cleanFilename(upload.filename, file.type, '报送材料'), note: upload.note }, caller.viewer),
          orgUnitId: current.orgUnitId,
          orgPath: current.orgPath,
        });
      }),
    );
    return toAttachment(await this.dataSource.getRepository(ReportAttachmentEntity).findOneByOrFail({ id }));
  }

  find(caller: Caller, id: string): Promise<ReportAttachmentEntity> {
    return REPORT_ATTACHMENT_ACCESS.find(this.dataSource.manager, caller, 'view', id);
  }

  open(row: ReportAttachmentEntity): Promise<StoredFile> {
    return this.store.get(row.storageKey);
  }
}

/** PeriodicReportSubmission.attachments: of many (visible) submissions in one statement, oldest first. */
export function submissionAttachments(dataSource: DataSource, caller: Caller, submissionId: string): Promise<PeriodicReportAttachment[]> {
  const loader = caller.loaders.get('PeriodicReportSubmission.attachments', () =>
    new DataLoader<string, PeriodicReportAttachment[]>(async (ids) => {
      const rows = await dataSource.manager.find(ReportAttachmentEntity, { where: { submissionId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.submissionId === id).map(toAttachment));
    }),
  );
  return loader.load(submissionId);
}

@Authorized()
@Resolver(() => PeriodicReportSubmission)
export class SubmissionAttachmentsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [PeriodicReportAttachment], { description: '附件（各版本上传的），早的在前；经网关 POST /uploads/periodic-report-attachment 上传' })
  attachments(@Root() submission: PeriodicReportSubmission, @Ctx() context: RequestContext): Promise<PeriodicReportAttachment[]> {
    return submissionAttachments(this.dataSource, callerOf(context), submission.id);
  }
}

/**
 * POST /periodic-report-attachments (multipart: submissionId, note, then the part `file`) and GET
 * /periodic-report-attachments/<id>, reached through the gateway with the caller's token. Errors are JSON { code, reason, message }.
 */
export function mountReportAttachmentRoutes(app: Express, attachments: ReportAttachments, verifyToken: TokenVerifier): void {
  app.post('/periodic-report-attachments', (req: Request, res: Response) =>
    answerUpload(req, res, async () => {
      const caller = await callerOfRequest(req, verifyToken);
      return receiveFileAs(req, caller, (fields, file, filename) => {
        const submissionId = fields.submissionId?.trim();
        if (!submissionId) throw badUpload('缺少报送材料的 ID（表单字段 submissionId，须在文件之前）');
        const note = fields.note?.trim() || null;
        if (note && note.length > 500) throw badUpload('说明最多 500 个字符');
        return attachments.upload(caller, { submissionId, note, filename }, file);
      });
    }),
  );

  app.get('/periodic-report-attachments/:id', async (req: Request, res: Response) => {
    try {
      const row = await attachments.find(await callerOfRequest(req, verifyToken), String(req.params.id));
      await sendStoredFile(req, res, row, () => attachments.open(row));
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}
