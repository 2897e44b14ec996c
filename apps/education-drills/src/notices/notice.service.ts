import { newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, Caller, calendarDateOf, ConflictError, ConnectionShape, decodeCursor, LoaderRegistry, toConnection } from '@campus/graphql';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import type { EducationSettings } from '../service';
import { HomeSchoolNoticeStatus } from './notice-enums';
import { recordNoticeSent } from './notice-sent';
import { builtInTemplate, BUILT_IN_NOTICE_TEMPLATES, NoticeTemplateData } from './notice-templates';
import { NOTICE_ACCESS, NOTICE_TEMPLATE_ACCESS, NOTICE_TRANSITIONS } from './notice.access';
import { NoticeEntity, NoticeTemplateEntity, NoticeUnitEntity } from './notice.entity';
import {
  CloseHomeSchoolNoticeInput,
  CreateHomeSchoolNoticeInput,
  CreateHomeSchoolNoticeTemplateInput,
  HomeSchoolNoticeFilter,
  SendHomeSchoolNoticeInput,
} from './notice.inputs';
import { HomeSchoolNotice, HomeSchoolNoticeTemplate, toBuiltInTemplate, toNotice, toUnitTemplate } from './notice.types';

/** Notices and templates: drafting from a template, sending (recipients fixed then) and closing. */
export class NoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
    private readonly outbox: OutboxSignal,
  ) {}

  async templates(caller: Caller): Promise<HomeSchoolNoticeTemplate[]> {
    const condition = NOTICE_TEMPLATE_ACCESS.where(caller, 'view', 't.org_path');
    const own = await this.dataSource
      .getRepository(NoticeTemplateEntity)
      .createQueryBuilder('t')
      .where(condition.sql, condition.params)
      .orderBy('t.created_at', 'ASC')
      .getMany();
    return [...BUILT_IN_NOTICE_TEMPLATES.map(toBuiltInTemplate), ...own.map(toUnitTemplate)];
  }

  async createTemplate(caller: Caller, input: CreateHomeSchoolNoticeTemplateInput): Promise<HomeSchoolNoticeTemplate> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    NOTICE_TEMPLATE_ACCESS.checkRole(caller, 'create', path);
    const template = this.dataSource.getRepository(NoticeTemplateEntity).create({
      id: newId(),
      orgUnitId: input.orgUnitId,
      orgPath: path,
      title: input.title,
      body: input.body,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createHomeSchoolNoticeTemplate', input), async (manager) => {
      await manager.save(template);
      return toUnitTemplate(template);
    }));
    return outcome.created ?? toUnitTemplate(await this.dataSource.manager.findOneByOrFail(NoticeTemplateEntity, { id: outcome.id }));
  }

  async get(caller: Caller, id: string): Promise<HomeSchoolNotice> {
    return toNotice(await NOTICE_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: HomeSchoolNoticeFilter, first: number, after?: string | null): Promise<ConnectionShape<HomeSchoolNotice>> {
    const query = this.dataSource.getRepository(NoticeEntity).createQueryBuilder('n');
    const scope = NOTICE_ACCESS.where(caller, 'view', 'n.org_path');
    query.where(scope.sql, scope.params);
    if (filter.status?.length) query.andWhere('n.status IN (:...status)', { status: filter.status });
    const page = await recentFirstPage(query, 'n', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toNotice);
  }

  /** Target units as chosen, for every notice of a request: one statement. */
  targetUnitIds(loaders: LoaderRegistry, noticeId: string): Promise<string[]> {
    const loader = loaders.get('HomeSchoolNotice.targetUnits', () => new DataLoader<string, string[]>(async (ids) => {
      const rows = await this.dataSource.getRepository(NoticeUnitEntity).find({ where: { noticeId: In([...ids]) }, order: { orgPath: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.noticeId === id).map((row) => row.orgUnitId));
    }));
    return loader.load(noticeId);
  }

  async create(caller: Caller, input: CreateHomeSchoolNoticeInput): Promise<HomeSchoolNotice> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    NOTICE_ACCESS.checkRole(caller, 'create', path);
    const template = input.templateId ? await this.template(caller, input.templateId) : null;
    const title = input.title ?? template?.title;
    const body = input.body ?? template?.body;
    if (!title || !body) throw new BadUserInputError([{ field: 'templateId', message: '请选择模板，或填写标题和正文' }]);
    if (input.deadline < calendarDateOf(this.settings.now())) {
      throw new BadUserInputError([{ field: 'deadline', message: '确认截止日期不能早于今天' }]);
    }
    const unitIds = [...new Set(input.targetUnitIds)];
    const targets: NoticeUnitEntity[] = [];
    for (const unitId of unitIds) {
      const targetPath = await visibleUnitPath(this.directory, caller, unitId);
      if (!targetPath.startsWith(path)) throw new ConflictError('OUTSIDE_RANGE', '告知对象单位须在发文单位之下', { orgUnitId: unitId });
      targets.push(Object.assign(new NoticeUnitEntity(), { orgUnitId: unitId, orgPath: targetPath }));
    }
    const notice = this.dataSource.getRepository(NoticeEntity).create({
      id: newId(),
      orgUnitId: input.orgUnitId,
      orgPath: path,
      title,
      body,
      deadline: input.deadline,
      templateId: template?.id ?? null,
      status: HomeSchoolNoticeStatus.DRAFT,
      sentAt: null,
      closedAt: null,
      recipientCount: 0,
      createdBy: caller.viewer.accountId,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createHomeSchoolNotice', input), async (manager) => {
      await manager.save(notice);
      await manager.save(targets.map((target) => Object.assign(target, { noticeId: notice.id })));
      return toNotice(notice);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** Sends a draft: every active student of the target units' subtrees at this moment becomes one recipient. */
  async send(caller: Caller, input: SendHomeSchoolNoticeInput): Promise<HomeSchoolNotice> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: notice, next } = await lockTransition(NOTICE_ACCESS, manager, caller, NOTICE_TRANSITIONS, 'SEND', input);
      const count = await this.addRecipients(manager, notice.id);
      if (count === 0) throw new ConflictError('INCOMPLETE', '所选单位没有在册学生，不能发送', { id: notice.id });
      notice.status = next;
      notice.sentAt = this.settings.now();
      notice.recipientCount = count;
      await manager.save(notice);
      await recordNoticeSent(manager, notice, notice.sentAt);
      return toNotice(notice);
    });
  }

  async close(caller: Caller, input: CloseHomeSchoolNoticeInput): Promise<HomeSchoolNotice> {
    return this.dataSource.transaction(async (manager) => {
      const { row: notice, next } = await lockTransition(NOTICE_ACCESS, manager, caller, NOTICE_TRANSITIONS, 'CLOSE', input);
      notice.status = next;
      notice.closedAt = this.settings.now();
      await manager.save(notice);
      return toNotice(notice);
    });
  }

  private async addRecipients(manager: EntityManager, noticeId: string): Promise<number> {
    const units = await manager.getRepository(NoticeUnitEntity).find({ where: { noticeId } });
    const paths = units.map((unit) => unit.orgPath);
    if (paths.length === 0) return 0;
    const result = await manager.query(
      `INSERT INTO home_school_notice_recipient (id, notice_id, person_id, student_name, org_unit_id, org_path, created_at)
       SELECT REPLACE(UUID(), '-', ''), ?, p.id, p.name, p.org_unit_id, p.org_path, ?
       FROM person_projection p
       WHERE p.kind = 'STUDENT' AND p.active AND (${paths.map(() => 'p.org_path LIKE ?').join(' OR ')})`,
      [noticeId, this.settings.now(), ...paths.map((path) => `${path}%`)],
    );
    return Number(result.affectedRows ?? 0);
  }

  private async template(caller: Caller, id: string): Promise<NoticeTemplateData> {
    const builtIn = builtInTemplate(id);
    if (builtIn) return builtIn;
    const own = await NOTICE_TEMPLATE_ACCESS.find(this.dataSource.manager, caller, 'view', id);
    return { id: own.id, title: own.title, body: own.body };
  }
}
