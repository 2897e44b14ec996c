import { HAZARD_REPORTER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { HazardStatus } from '../hazards/hazard-enums';
import { HAZARD_POLICY } from '../hazards/hazard.access';
import { HazardEntity } from '../hazards/hazard.entity';
import { HazardEvidenceEntity } from './evidence.entity';

/** The hazard's file is closed once archived; a voided hazard has none. */
const CLOSED: readonly HazardStatus[] = [HazardStatus.ARCHIVED, HazardStatus.VOIDED];

/**
 * Evidence is added to a hazard, so the hazard's unit and state decide: whoever may register a hazard or
 * take a step of its loop there may add evidence (every role but the counsellor's), until its file closes.
 */
export const EVIDENCE_UPLOAD_TRANSITIONS: TransitionTable<HazardStatus, 'UPLOAD_EVIDENCE'> = {
  UPLOAD_EVIDENCE: {
    from: Object.values(HazardStatus).filter((status) => !CLOSED.includes(status)),
    to: null,
    roles: HAZARD_REPORTER_ROLES,
    label: '上传佐证材料',
    wrongState: '隐患已存档或作废，不能再添加佐证材料',
    refusal: '您无权为该隐患上传佐证材料',
    condition: '隐患存档或作废后不能再上传',
  },
};

/** Read as the hazard it is added to: an unseen hazard (out of scope, or of a sensitive category) reads as 隐患不存在. */
export const EVIDENCE_UPLOAD_POLICY = { ...policyFromTransitions('Hazard', '隐患', EVIDENCE_UPLOAD_TRANSITIONS), restricted: HAZARD_POLICY.restricted };

export const EVIDENCE_UPLOAD_ACCESS = scopedAccess(EVIDENCE_UPLOAD_POLICY, HazardEntity, undefined, (hazard) => hazard.category);

/** A file is downloaded by whoever sees its hazard's unit. */
export const EVIDENCE_POLICY = definePolicy({
  aggregate: 'HazardEvidence',
  label: '佐证材料',
  actions: { view: viewRule('查看或下载') },
});

export const EVIDENCE_ACCESS = scopedAccess(EVIDENCE_POLICY, HazardEvidenceEntity);
