import { auditedDelete, clientRequest, oncePerRequest } from '@campus/server';
import { newId, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, NotFoundError, toConnection, VersionedInput } from '@campus/graphql';
import { NO_OUTBOX_SIGNAL, OutboxSignal, transactionWithEvents } from '@campus/events';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { syncMembershipOf } from '../membership-rules/membership-sync';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { dutyTemplateOf } from './duty-templates';
import { POST_ACCESS } from './post.access';
import { PostDutyEntity, PostEntity } from './post.entity';
import { AddPostDutyInput, AssignPostHolderInput, CreatePostInput, PostFilter, RemovePostDutyInput, UpdatePostInput } from './post.inputs';
import { Post, PostDuty, toPost, toPostDuties } from './post.types';

export const MAX_DUTIES_PER_POST = 30;

export class PostService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(PostEntity);
  }

  createLoader(caller: Caller): DataLoader<string, Post | null> {
    return new DataLoader((ids) => {
      const scope = POST_ACCESS.where(caller, 'view', 'p.org_path');
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

  async list(caller: Caller, filter: PostFilter, first: number, after?: string | null): Promise<ConnectionShape<Post>> {
    const unit = await ORG_UNIT_ACCESS.find(this.dataSource.manager, caller, 'view', filter.orgUnitId);
    const query = this.repository.createQueryBuilder('p');
    const scope = POST_ACCESS.where(caller, 'view', 'p.org_path');
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

  /** 我的责任清单: the posts a person holds, within the caller's scope, oldest first. */
  async heldBy(caller: Caller, personId: string): Promise<Post[]> {
    await PERSON_ACCESS.find(this.dataSource.manager, caller, 'view', personId);
    const scope = POST_ACCESS.where(caller, 'view', 'p.org_path');
    const rows = await this.repository
      .createQueryBuilder('p')
      .where('p.holder_person_id = :personId', { personId })
      .andWhere(scope.sql, scope.params)
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    return rows.map(toPost);
  }

  async create(caller: Caller, input: CreatePostInput): Promise<Post> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createPost', input), async (manager) => {
      const unit = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.orgUnitId);
      POST_ACCESS.checkRole(caller, 'create', unit.path);
      const holder = input.holderId ? await this.eligibleHolder(manager, caller, unit.path, input.holderId) : null;
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
      await holderChanged(manager, null, post.holderPersonId);
      return toPost(post);
    }));
    return outcome.created ?? toPost(await this.dataSource.manager.findOneByOrFail(PostEntity, { id: outcome.id }));
  }

  async update(caller: Caller, input: UpdatePostInput): Promise<Post> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const post = await POST_ACCESS.lock(manager, caller, 'edit', input);
      const before = post.holderPersonId;
      if (input.title) post.title = input.title;
      if (input.holderId && input.holderId !== post.holderPersonId) {
        post.holderPersonId = (await this.eligibleHolder(manager, caller, post.orgPath, input.holderId)).id;
      }
      await manager.save(post);
      await holderChanged(manager, before, post.holderPersonId);
      return toPost(post);
    });
  }

  /** Puts a person in the post, replacing whoever held it. */
  async assignHolder(caller: Caller, input: AssignPostHolderInput): Promise<Post> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const post = await POST_ACCESS.lock(manager, caller, 'edit', input);
      if (post.holderPersonId === input.holderId) throw new ConflictError('DUPLICATE', '此人已在该岗位任职', { id: post.id });
      const before = post.holderPersonId;
      post.holderPersonId = (await this.eligibleHolder(manager, caller, post.orgPath, input.holderId)).id;
      await manager.save(post);
      await holderChanged(manager, before, post.holderPersonId);
      return toPost(post);
    });
  }

  async vacate(caller: Caller, input: VersionedInput): Promise<Post> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const post = await POST_ACCESS.lock(manager, caller, 'edit', input);
      if (post.holderPersonId === null) throw new ConflictError('INACTIVE', '岗位已空缺', { id: post.id });
      const before = post.holderPersonId;
      post.holderPersonId = null;
      await manager.save(post);
      await holderChanged(manager, before, null);
      return toPost(post);
    });
  }

  async addDuty(caller: Caller, input: AddPostDutyInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await POST_ACCESS.lock(manager, caller, 'editDuties', input);
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

  async removeDuty(caller: Caller, input: RemovePostDutyInput): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const post = await POST_ACCESS.lock(manager, caller, 'editDuties', input);
      const duties = await this.dutiesInOrder(manager, post.id);
      const removed = duties.find((duty) => duty.id === input.dutyId);
      if (!removed) throw new NotFoundError('责任事项', input.dutyId);
      if (duties.length === 1) throw new ConflictError('LIMIT_REACHED', '责任清单至少保留一项', { id: post.id });
      await auditedDelete(manager, PostDutyEntity, { id: removed.id });
      await this.saveInOrder(
        manager,
        duties.filter((duty) => duty !== removed),
      );
      await this.touch(manager, post);
      return toPost(post);
    });
  }

  /** A holder must be an active person of the post's unit or a unit below it. */
  private async eligibleHolder(manager: EntityManager, caller: Caller, unitPath: string, personId: string): Promise<PersonEntity> {
    const person = await PERSON_ACCESS.find(manager, caller, 'view', personId);
    if (!person.orgPath.startsWith(unitPath)) {
      throw new BadUserInputError([{ field: 'holderId', message: '任职人员须为设岗单位或其下级单位的人员' }]);
    }
    if (!person.active) throw new BadUserInputError([{ field: 'holderId', message: '该人员已停用，不能任职' }]);
    return person;
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

/** A post's holder changed: membership placed by post (rules naming a post kind) follows both people. */
function holderChanged(manager: EntityManager, before: string | null, after: string | null): Promise<void> {
  return syncMembershipOf(manager, [before, after].filter((id): id is string => id !== null && id !== undefined));
}
