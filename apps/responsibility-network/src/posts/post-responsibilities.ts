import { EntityManager } from 'typeorm';
import { PostEntity } from './post.entity';
import { Post, toPost } from './post.types';

/** The posts a person holds, by title. One statement. */
export async function postsHeldBy(manager: EntityManager, personId: string): Promise<Post[]> {
  const rows = await manager.getRepository(PostEntity).find({ where: { holderPersonId: personId }, order: { title: 'ASC' } });
  return rows.map(toPost);
}
