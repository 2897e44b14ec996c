import { newId, recentFirstKey, recentFirstPage, rowsByIds } from '@campus/database';
import { Caller, ConflictError, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, oncePerRequest, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { CHECKLIST_TEMPLATE_ACCESS, CHECKLIST_TEMPLATE_TRANSITIONS } from './checklist.access';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
import { ChecklistTemplateFilter, CreateChecklistTemplateInput, RetireChecklistTemplateInput } from './checklist.inputs';
import { ChecklistItem, ChecklistTemplate, toChecklistItem, toChecklistTemplate } from './checklist.types';
import { activeState } from './inspection-enums';

/** A task of the unit at unitPath may use built-in templates and those of the unit or a unit above it. */
export function templateUsableAt(template: ChecklistTemplateEntity, unitPath: string): boolean {
  return template.orgPath === null || unitPath.startsWith(template.orgPath);
}

export class ChecklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<ChecklistTemplate> {
    return toChecklistTemplate(await CHECKLIST_TEMPLATE_ACCESS.find(this.dataSource.manager, caller, id));
  }

  async list(caller: Caller, filter: ChecklistTemplateFilter, first: number, after?: string | null): Promise<ConnectionShape<ChecklistTemplate>> {
    const visible = CHECKLIST_TEMPLATE_ACCESS.where(caller, 't');
    const query = this.dataSource.getRepository(ChecklistTemplateEntity).createQueryBuilder('t').where(visible.sql, visible.params);
    if (filter.category) query.andWhere('t.category = :category', { category: filter.category });
    if (!filter.includeRetired) query.andWhere('t.active = 1');
    if (filter.orgUnitId) {
      const unitPath = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
      query.andWhere('(t.org_path IS NULL OR LEFT(:unitPath, CHAR_LENGTH(t.org_path)) = t.org_path)', { unitPath });
    }
    const page = await recentFirstPage(query, 't', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toChecklistTemplate);
  }

  async create(caller: Caller, input: CreateChecklistTemplateInput): Promise<ChecklistTemplate> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    CHECKLIST_TEMPLATE_ACCESS.checkRole(caller, 'create', path);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createChecklistTemplate', input), async (manager) => {
      const template = manager.create(ChecklistTemplateEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        category: input.category,
        name: input.name,
        active: true,
        createdByAccountId: caller.viewer.accountId,
      });
      await manager.save(template);
      await manager.insert(
        ChecklistItemEntity,
        input.items.map((item, index) => ({
          id: newId(),
          templateId: template.id,
          seq: index + 1,
          text: item.text,
          guidance: item.guidance ?? null,
          defaultGrade: item.defaultGrade,
        })),
      );
      return toChecklistTemplate(template);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async retire(caller: Caller, input: RetireChecklistTemplateInput): Promise<ChecklistTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const template = await CHECKLIST_TEMPLATE_ACCESS.lock(manager, caller, 'RETIRE', input);
      requireTransition(CHECKLIST_TEMPLATE_TRANSITIONS, 'RETIRE', activeState(template), template.id);
      template.active = false;
      await manager.save(template);
      return toChecklistTemplate(template);
    });
  }

  /**
   * The template a new task of the unit at unitPath will use. Not locked: a template retired at the same
   * moment leaves one more task using it, as every task created before the retirement does.
   */
  async usableTemplate(manager: EntityManager, caller: Caller, templateId: string, unitPath: string): Promise<ChecklistTemplateEntity> {
    const template = await CHECKLIST_TEMPLATE_ACCESS.find(manager, caller, templateId);
    if (!templateUsableAt(template, unitPath)) throw new ConflictError('OUTSIDE_RANGE', '该检查表属于其他单位，本单位的任务不能使用', { templateId });
    requireTransition(CHECKLIST_TEMPLATE_TRANSITIONS, 'USE', activeState(template), template.id);
    return template;
  }

  /** ChecklistTemplate.items for every template of a request in one statement. */
  batchedItems(caller: Caller, templateId: string): Promise<ChecklistItem[]> {
    return caller.loaders
      .get<string, ChecklistItem[]>('ChecklistTemplate.items', () => new DataLoader(async (ids: readonly string[]) => {
        const items = await this.dataSource
          .getRepository(ChecklistItemEntity)
          .find({ where: { templateId: In([...ids]) }, order: { templateId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => items.filter((item) => item.templateId === id).map(toChecklistItem));
      }))
      .load(templateId);
  }

  /** Templates by id (a task's template) in one statement per request. */
  batchedTemplate(caller: Caller, templateId: string): Promise<ChecklistTemplate | null> {
    return caller.loaders
      .get<string, ChecklistTemplate | null>('ChecklistTemplate.byId', () => new DataLoader((ids: readonly string[]) =>
        rowsByIds(this.dataSource.getRepository(ChecklistTemplateEntity).createQueryBuilder('t'), 't', ids, toChecklistTemplate),
      ))
      .load(templateId);
  }
}
