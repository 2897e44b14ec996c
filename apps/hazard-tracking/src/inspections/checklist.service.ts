import { ADMIN_ROLES, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, recentFirstKey, recentFirstPage, rowsByIds, SqlCondition } from '@campus/database';
import { Caller, ConflictError, ConnectionShape, decodeCursor, ForbiddenError, LoaderRegistry, NotFoundError, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
import { ChecklistTemplateFilter, CreateChecklistTemplateInput, RetireChecklistTemplateInput } from './checklist.inputs';
import { ChecklistItem, ChecklistTemplate, toChecklistItem, toChecklistTemplate } from './checklist.types';

/** Who keeps a unit's own checklists: the school's safety office and the bureau. */
export const CHECKLIST_MANAGER_ROLES = ADMIN_ROLES;

/**
 * Built-in templates are visible to everyone; a unit's own to those who see the unit, and to those below
 * it (a college uses its school's checklists).
 */
export function templateVisibleTo(viewer: Viewer, template: ChecklistTemplateEntity): boolean {
  const path = template.orgPath;
  return path === null || viewer.covers(path) || viewer.scopePaths.some((scope) => scope.startsWith(path));
}

/** A task of the unit at unitPath may use built-in templates and those of the unit or a unit above it. */
export function templateUsableAt(template: ChecklistTemplateEntity, unitPath: string): boolean {
  return template.orgPath === null || unitPath.startsWith(template.orgPath);
}

function visibleCondition(viewer: Viewer): SqlCondition {
  const below = orgScopeCondition('t.org_path', viewer.scopePaths, 'tplScope');
  const params: Record<string, unknown> = { ...below.params };
  const above = viewer.scopePaths.map((path, index) => {
    params[`tplAbove${index}`] = path;
    return `LEFT(:tplAbove${index}, CHAR_LENGTH(t.org_path)) = t.org_path`;
  });
  return { sql: `(t.org_path IS NULL OR ${[below.sql, ...above].join(' OR ')})`, params };
}

export class ChecklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(viewer: Viewer, id: string): Promise<ChecklistTemplate> {
    const template = await this.dataSource.getRepository(ChecklistTemplateEntity).findOneBy({ id });
    if (!template || !templateVisibleTo(viewer, template)) throw new NotFoundError('检查表', id);
    return toChecklistTemplate(template);
  }

  async list(caller: Caller, filter: ChecklistTemplateFilter, first: number, after?: string | null): Promise<ConnectionShape<ChecklistTemplate>> {
    const visible = visibleCondition(caller.viewer);
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
    if (!caller.viewer.hasRoleAt(CHECKLIST_MANAGER_ROLES, path)) throw new ForbiddenError('您无权为该单位制定检查表');
    return this.dataSource.transaction(async (manager) => {
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
    });
  }

  async retire(viewer: Viewer, input: RetireChecklistTemplateInput): Promise<ChecklistTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const template = await manager.findOne(ChecklistTemplateEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!template || !templateVisibleTo(viewer, template)) throw new NotFoundError('检查表', input.id);
      if (template.orgPath === null) throw new ForbiddenError('内置检查表不能停用');
      if (!viewer.hasRoleAt(CHECKLIST_MANAGER_ROLES, template.orgPath)) throw new ForbiddenError('您无权停用该检查表');
      if (template.version !== input.version) {
        throw new ConflictError('STALE_VERSION', '检查表已被他人修改，请刷新后重试', { id: template.id, currentVersion: template.version });
      }
      if (!template.active) throw new ConflictError('INACTIVE', '检查表已停用', { id: template.id });
      template.active = false;
      await manager.save(template);
      return toChecklistTemplate(template);
    });
  }

  /**
   * The template a new task of the unit at unitPath will use. Not locked: a template retired at the same
   * moment leaves one more task using it, as every task created before the retirement does.
   */
  async usableTemplate(manager: EntityManager, viewer: Viewer, templateId: string, unitPath: string): Promise<ChecklistTemplateEntity> {
    const template = await manager.findOneBy(ChecklistTemplateEntity, { id: templateId });
    if (!template || !templateVisibleTo(viewer, template)) throw new NotFoundError('检查表', templateId);
    if (!templateUsableAt(template, unitPath)) throw new ConflictError('OUTSIDE_RANGE', '该检查表属于其他单位，本单位的任务不能使用', { templateId });
    if (!template.active) throw new ConflictError('INACTIVE', '检查表已停用，请选择在用的检查表', { templateId });
    return template;
  }

  /** ChecklistTemplate.items for every template of a request in one statement. */
  batchedItems(loaders: LoaderRegistry, templateId: string): Promise<ChecklistItem[]> {
    return loaders
      .get<string, ChecklistItem[]>('ChecklistTemplate.items', () => new DataLoader(async (ids: readonly string[]) => {
        const items = await this.dataSource
          .getRepository(ChecklistItemEntity)
          .find({ where: { templateId: In([...ids]) }, order: { templateId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => items.filter((item) => item.templateId === id).map(toChecklistItem));
      }))
      .load(templateId);
  }

  /** Templates by id (a task's template) in one statement per request. */
  batchedTemplate(loaders: LoaderRegistry, templateId: string): Promise<ChecklistTemplate | null> {
    return loaders
      .get<string, ChecklistTemplate | null>('ChecklistTemplate.byId', () => new DataLoader((ids: readonly string[]) =>
        rowsByIds(this.dataSource.getRepository(ChecklistTemplateEntity).createQueryBuilder('t'), 't', ids, toChecklistTemplate),
      ))
      .load(templateId);
  }
}
