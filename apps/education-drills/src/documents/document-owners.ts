import { ConflictError, NotFoundError } from '@campus/graphql';
import { Asker, requireTransition } from '@campus/server';
import { EntityManager } from 'typeorm';
import { DrillEntity } from '../drills/drill.entity';
import { EmergencyPlanEntity } from '../emergency-plans/emergency-plan.entity';
import { EmergencyPlanRevisionEntity } from '../emergency-plans/plan-revision.entity';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';
import { DRILL_DOCUMENT_ACCESS, DRILL_DOCUMENT_TRANSITIONS, PLAN_DOCUMENT_ACCESS, PLAN_DOCUMENT_TRANSITIONS } from './document.access';

/** What a document is added to: its unit (the document's scope) and where its files are kept. */
export interface DocumentOwner {
  ownerKind: EducationDocumentOwnerKind;
  ownerId: string;
  orgUnitId: string;
  orgPath: string;
  /** Storage key prefix, e.g. plan-revisions/<id>. */
  keyPrefix: string;
}

export interface OwnerRef {
  ownerKind: EducationDocumentOwnerKind;
  ownerId: string;
  kind: EducationDocumentKind;
}

/**
 * The owner, when the caller may add a document of this kind to it now: NOT_FOUND when it does not exist or
 * lies outside the caller's scope, FORBIDDEN without a role there, CONFLICT in a state that takes none.
 * With `lock`, the plan or drill row is locked (FOR UPDATE) in the caller's transaction, so an approval
 * or cancellation cannot slip between this check and the record.
 */
export function ownerAcceptingDocument(manager: EntityManager, caller: Asker, ref: OwnerRef, lock = false): Promise<DocumentOwner> {
  return ref.ownerKind === EducationDocumentOwnerKind.PLAN_REVISION
    ? revisionAcceptingDocument(manager, caller, ref.ownerId, lock)
    : drillAcceptingDocument(manager, caller, ref, lock);
}

async function revisionAcceptingDocument(manager: EntityManager, caller: Asker, revisionId: string, lock: boolean): Promise<DocumentOwner> {
  const revision = await manager.findOneBy(EmergencyPlanRevisionEntity, { id: revisionId });
  if (!revision) throw new NotFoundError('应急预案修订', revisionId);
  const plan = await manager.findOne(EmergencyPlanEntity, { where: { id: revision.planId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  PLAN_DOCUMENT_ACCESS.guard(caller, 'ATTACH_REVISION_DOCUMENT', revisionId, plan);
  const found = plan as EmergencyPlanEntity;
  requireTransition(PLAN_DOCUMENT_TRANSITIONS, 'ATTACH_REVISION_DOCUMENT', found.status, found.id);
  const [{ latest }] = await manager.query('SELECT MAX(number) AS latest FROM emergency_plan_revision WHERE plan_id = ?', [found.id]);
  if (Number(latest) !== revision.number) {
    throw new ConflictError('ILLEGAL_TRANSITION', `第 ${revision.number} 次修订已被第 ${Number(latest)} 次修订取代，不能再上传文件；请上传到现行修订`, {
      id: revisionId,
    });
  }
  return { ownerKind: EducationDocumentOwnerKind.PLAN_REVISION, ownerId: revision.id, orgUnitId: found.orgUnitId, orgPath: found.orgPath, keyPrefix: `plan-revisions/${revision.id}` };
}

async function drillAcceptingDocument(manager: EntityManager, caller: Asker, ref: OwnerRef, lock: boolean): Promise<DocumentOwner> {
  const action = ref.kind === EducationDocumentKind.PHOTO ? 'ATTACH_DRILL_PHOTO' : 'ATTACH_DRILL_DOCUMENT';
  const drill = lock
    ? await DRILL_DOCUMENT_ACCESS.lock(manager, caller, action, { id: ref.ownerId })
    : await DRILL_DOCUMENT_ACCESS.find(manager, caller, action, ref.ownerId);
  requireTransition(DRILL_DOCUMENT_TRANSITIONS, action, (drill as DrillEntity).status, drill.id);
  return { ownerKind: EducationDocumentOwnerKind.DRILL, ownerId: drill.id, orgUnitId: drill.orgUnitId, orgPath: drill.orgPath, keyPrefix: `drills/${drill.id}` };
}
