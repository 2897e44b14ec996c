import { BadUserInputError } from '@campus/graphql';
import { EntityManager, In } from 'typeorm';
import { HazardEvidenceEntity } from './evidence.entity';

/**
 * Attaches uploaded evidence to the step a transition just appended, in its transaction: every id must
 * name evidence of this hazard not yet attached to another step (BAD_USER_INPUT on `evidence` otherwise).
 * The caller holds the hazard's row lock, so no other step of the hazard can claim the same files meanwhile.
 * A step taken with several others at once (即查即改) attaches to the last of them.
 */
export async function attachEvidenceToStep(manager: EntityManager, hazardId: string, stepId: string, evidenceIds: readonly string[]): Promise<void> {
  if (!evidenceIds.length) return;
  const ids = [...new Set(evidenceIds)];
  if (ids.length !== evidenceIds.length) throw new BadUserInputError([{ field: 'evidence', message: '佐证材料不能重复引用' }]);
  const found = await manager.findBy(HazardEvidenceEntity, { hazardId, id: In(ids) });
  const missing = ids.filter((id) => !found.some((evidence) => evidence.id === id));
  if (missing.length) {
    throw new BadUserInputError([{ field: 'evidence', message: `佐证材料不存在或不属于该隐患，请先上传：${missing.join('、')}` }]);
  }
  const taken = found.filter((evidence) => evidence.stepId !== null && evidence.stepId !== stepId);
  if (taken.length) {
    throw new BadUserInputError([{ field: 'evidence', message: `佐证材料已用于其他步骤：${taken.map((evidence) => evidence.filename).join('、')}` }]);
  }
  await manager.update(HazardEvidenceEntity, { id: In(ids) }, { stepId });
}
