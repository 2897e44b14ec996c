import { BadUserInputError } from '@campus/graphql';
import { auditedUpdate } from '@campus/server';
import { EntityManager, In } from 'typeorm';
import { HazardEvidenceFile, HazardExtensions } from '../hazards/hazard-extensions';
import { EVIDENCE_KIND_LABELS } from './evidence-enums';
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
  await auditedUpdate(manager, HazardEvidenceEntity, { id: In(ids) }, { stepId });
}

/** The hazard's evidence files, oldest first, for its file (一患一案一档). */
export async function evidenceFilesOf(manager: EntityManager, hazardId: string): Promise<HazardEvidenceFile[]> {
  const rows = await manager.find(HazardEvidenceEntity, { where: { hazardId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((row) => ({
    id: row.id,
    kindLabel: EVIDENCE_KIND_LABELS[row.kind],
    filename: row.filename,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    uploadedAt: row.createdAt,
  }));
}

/** What evidence adds to the hazard core: files attached to steps, and listed in the hazard's file. */
export const EVIDENCE_HAZARD_EXTENSION: Pick<HazardExtensions, 'attachStepEvidence' | 'evidenceFiles'> = {
  attachStepEvidence: attachEvidenceToStep,
  evidenceFiles: evidenceFilesOf,
};
