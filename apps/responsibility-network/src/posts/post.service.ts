import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, rowsByIds, subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PersonEntity } from '../people/person.entity';
import { dutyTemplateOf } from './duty-templates';
import { PostDutyEntity, PostEntity } from './post.entity';
import { AddPostDutyInput, AssignPostHolderInput, CreatePostInput, PostFilter, RemovePostDutyInput, UpdatePostInput } from './post.inputs';
import { Post, PostDuty, toPost, toPostDuties } from './post.types';

/** Who sets up posts and their duty lists in a unit. */
export const POST_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER];

export const MAX_DUTIES_PER_POST = 30;

export class PostService {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(PostEntity);
  }

  createLoader(viewer: Viewer): DataLoader<string, Post | null> {
    return new DataLoader((ids) => {
      const scope = orgScopeCondition('p.org_path', viewer.scopePaths);
      return rowsByIds(this.repository.createQueryBuilder('p').where(scope.sql, scope.params), 'p', ids, toPost);
    });
  }

  /** Duty lists of many (already visible) posts in one statement. */
  createDutiesLoader(): DataLoader<string, PostDuty[]> {
    return new DataLoader(async (postIds) => {
      const rows = await this.dataSource.getRepository(PostDutyEntity).find({ where: { postId: In([...postIds]) } });
      return postIds.map((postId) => toPostDuties(rows.filter((row) => row.postId === postId)));
    });
  }

  async list(viewer: Viewer, filter: PostFilter, first: number, after?: string | null): Promise<ConnectionShape<Post>> {
    const unit = await this.dataSource.manager.findOneBy(OrgUnitEntity, { id: filter.orgUnitId });
    if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', filter.orgUnitId);
    const query = this.repository.createQueryBuilder('p');
    const scope = orgScopeCondition('p.org_path', viewer.scopePaths);
    query.where(scope.sql, scope.params);
    if (filter.includeSubtree) {
      const subtree = subtreeCondition('p.org_path', unit.path, 'unitPath');
      query.andWhere(subtree.sql, subtree.params);
    } else {
      query.andWhere('p.org_unit_id = :unitId', { unitId: unit.id });
    }
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.vacant === true) query.andWhere('p.holder_person_id IS NULL');
    if (filter.vacant === false) query.andWhere('p.holder_person_id IS NOT NULL');
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(p.title > :title0 OR (p.title = :title0 AND p.id > :id0))', { title0: cursor[0], id0: cursor[1] });
    const rows = await query.orderBy('p.title', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.title, row.id], toPost);
  }

  /** 我的责任清单: the posts a person holds, within the viewer's scope, oldest first. */
  async heldBy(viewer: Viewer, personId: string): Promise<Post[]> {
    const person = await this.dataSource.manager.findOneBy(PersonEntity, { id: personId });
    if (!person || !viewer.covers(person.orgPath)) throw new NotFoundError('人员', personId);
    const scope = orgScopeCondition('p.org_path', viewer.scopePaths);
    const rows = await this.repository
      .createQueryBuilder('p')
      .where('p.holder_person_id = :personId', { personId })
      .andWhere(scope.sql, scope.params)
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    return rows.map(toPost);
  }

  async create(viewer: Viewer, input: CreatePostInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOneBy(OrgUnitEntity, { id: input.orgUnitId });
      if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', input.orgUnitId);
      this.requireManager(viewer, unit.path);
      const holder = input.holderId ? await this.eligibleHolder(manager, viewer, unit.path, input.holderId) : null;
      const post = manager.create(PostEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        title: input.title,
        kind: input.kind,
        holderPersonId: holder?.id ?? null,
      });
      await manager.save(post);
      const duties = dutyTemplateOf(input.kind).map((content) => this.newDuty(manager, post.id, content, true));
      await this.saveInOrder(manager, duties);
      return toPost(post);
    });
  }

  async update(viewer: Viewer, input: UpdatePostInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lockForChange(manager, viewer, input);
      if (input.title) post.title = input.title;
      if (input.holderId && input.holderId !== post.holderPersonId) {
        post.holderPersonId = (await this.eligibleHolder(manager, viewer, post.orgPath, input.holderId)).id;
      }
      await manager.save(post);
      return toPost(post);
    });
  }

  /** Puts a person in the post, replacing whoever held it. */
  async assignHolder(viewer: Viewer, input: AssignPostHolderInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lockForChange(manager, viewer, input);
      if (post.holderPersonId === input.holderId) throw new ConflictError('DUPLICATE', '此人已在该岗位任职', { id: post.id });
      post.holderPersonId = (await this.eligibleHolder(manager, viewer, post.orgPath, input.holderId)).id;
      await manager.save(post);
      return toPost(post);
    });
  }

  async vacate(viewer: Viewer, input: VersionedInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lockForChange(manager, viewer, input);
      if (post.holderPersonId === null) throw new ConflictError('INACTIVE', '岗位已空缺', { id: post.id });
      post.holderPersonId = null;
      await manager.save(post);
      return toPost(post);
    });
  }

  async addDuty(viewer: Viewer, input: AddPostDutyInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lockForChange(manager, viewer, input);
      const duties = await this.dutiesInOrder(manager, post.id);
      if (duties.length >= MAX_DUTIES_PER_POST) {
        throw new ConflictError('LIMIT_REACHED', `责任清单最多 ${MAX_DUTIES_PER_POST} 项`, { id: post.id });
      }
      const content = input.content.trim();
      if (duties.some((duty) => duty.content === content)) {
        throw new BadUserInputError([{ field: 'content', message: '责任清单中已有相同的事项' }]);
      }
      const index = Math.min((input.position ?? duties.length + 1) - 1, duties.length);
      duties.splice(index, 0, this.newDuty(manager, post.id, content, false));
      await this.saveInOrder(manager, duties);
      await this.touch(manager, post);
      return toPost(post);
    });
  }

  async removeDuty(viewer: Viewer, input: RemovePostDutyInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lockForChange(manager, viewer, input);
      const duties = await this.dutiesInOrder(manager, post.id);
      const removed = duties.find((duty) => duty.id === input.dutyId);
      if (!removed) throw new NotFoundError('责任事项', input.dutyId);
      if (duties.length === 1) throw new ConflictError('LIMIT_REACHED', '责任清单至少保留一项', { id: post.id });
      await manager.delete(PostDutyEntity, { id: removed.id });
      await this.saveInOrder(
        manager,
        duties.filter((duty) => duty !== removed),
      );
      await this.touch(manager, post);
      return toPost(post);
    });
  }

  /** Locks a post the viewer may change, at the version they read. */
  private async lockForChange(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<PostEntity> {
    const post = await manager.findOne(PostEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!post || !viewer.covers(post.orgPath)) throw new NotFoundError('岗位', input.id);
    this.requireManager(viewer, post.orgPath);
    if (post.version !== input.version) {
      throw new ConflictError('STALE_VERSION', '岗位已被他人修改，请刷新后重试', { id: post.id, currentVersion: post.version });
    }
    return post;
  }

  /** A holder must be an active person of the post's unit or a unit below it. */
  private async eligibleHolder(manager: EntityManager, viewer: Viewer, unitPath: string, personId: string): Promise<PersonEntity> {
    const person = await manager.findOneBy(PersonEntity, { id: personId });
    if (!person || !viewer.covers(person.orgPath)) throw new NotFoundError('人员', personId);
    if (!person.orgPath.startsWith(unitPath)) {
      throw new BadUserInputError([{ field: 'holderId', message: '任职人员须为设岗单位或其下级单位的人员' }]);
    }
    if (!person.active) throw new BadUserInputError([{ field: 'holderId', message: '该人员已停用，不能任职' }]);
    return person;
  }

  private requireManager(viewer: Viewer, path: string): void {
    if (!viewer.hasRoleAt(POST_MANAGER_ROLES, path)) {
      throw new ForbiddenError('只有本单位负责人或安全管理部门可以设置岗位和责任清单');
    }
  }

  private dutiesInOrder(manager: EntityManager, postId: string): Promise<PostDutyEntity[]> {
    return manager.find(PostDutyEntity, { where: { postId }, order: { position: 'ASC' } });
  }

  private newDuty(manager: EntityManager, postId: string, content: string, fromTemplate: boolean): PostDutyEntity {
    return manager.create(PostDutyEntity, { id: newId(), postId, position: 0, content, fromTemplate });
  }

  private async saveInOrder(manager: EntityManager, duties: PostDutyEntity[]): Promise<void> {
    duties.forEach((duty, index) => (duty.position = index + 1));
    await manager.save(duties);
  }

  /** The duty list is part of the post: changing it moves the post's version on. */
  private async touch(manager: EntityManager, post: PostEntity): Promise<void> {
    post.updatedAt = new Date();
    await manager.save(post);
  }
}
