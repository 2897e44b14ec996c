import { ALL_ROLES, UNIT_HEAD_ROLES } from '@campus/auth';
import { SqlCondition } from '@campus/database';
import { Asker, policyFromTransitions, requireTransition, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { LetterStatus } from './letter-enums';
import type { LetterState } from './letter-rules';
import { ResponsibilityLetterEntity } from './letter.entity';

/** Who draws up, issues, revokes and expires letters: the issuing unit's leadership and the offices above it. */
const ISSUERS = UNIT_HEAD_ROLES;
const ISSUER_REFUSAL = '只有发文单位负责人或安全管理部门可以制定、下达、撤销责任书';

/** A signed letter whose unit has a new first responsible person waits to be signed again by them. */
export const AWAITING_RESIGNING = 'AWAITING_RESIGNING';

/** The state the table sees: the status, with a flagged signed letter told apart. */
export type LetterPhase = LetterStatus | typeof AWAITING_RESIGNING;

export function letterPhase(letter: LetterState): LetterPhase {
  return letter.status === LetterStatus.SIGNED && letter.needsResigning ? AWAITING_RESIGNING : letter.status;
}

const IN_FORCE: LetterPhase[] = [LetterStatus.ISSUED, LetterStatus.SIGNED, AWAITING_RESIGNING];

export type LetterAction = 'EDIT' | 'DELETE' | 'ISSUE' | 'SIGN' | 'REVOKE' | 'EXPIRE';

/**
 * draft → issued → signed (→ awaiting re-signing after a change of leader → signed again); a letter in
 * force is revoked by its issuer or expires with its year. Issuer-side actions are judged at the issuing
 * unit; signing is personal.
 */
export const LETTER_TRANSITIONS: TransitionTable<LetterPhase, LetterAction> = {
  EDIT: {
    from: [LetterStatus.DRAFT],
    to: null,
    roles: ISSUERS,
    label: '修改草稿',
    wrongState: '只有草稿状态的责任书可以修改',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；受领单位须为发文单位的下级单位，签署人为受领单位第一责任人（持有该单位“单位负责人”授权的人员）',
  },
  DELETE: {
    from: [LetterStatus.DRAFT],
    to: null,
    roles: ISSUERS,
    label: '删除草稿',
    wrongState: '只有草稿状态的责任书可以删除；已下达的责任书请撤销',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；删除后该单位的签订情况如同未起草',
  },
  ISSUE: {
    from: [LetterStatus.DRAFT],
    to: LetterStatus.ISSUED,
    roles: ISSUERS,
    label: '下达',
    wrongState: '只有草稿状态的责任书可以下达',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；至少一项目标责任内容；受领单位仍在发文单位之下且已确定第一责任人（下达时按当前第一责任人确定签署人）',
  },
  SIGN: {
    from: [LetterStatus.ISSUED, AWAITING_RESIGNING],
    to: LetterStatus.SIGNED,
    roles: ALL_ROLES,
    label: '签署',
    wrongState: '只有已下达或待重新签署的责任书可以签署',
    wrongStates: {
      [LetterStatus.DRAFT]: '责任书尚未下达，不能签署',
      [LetterStatus.SIGNED]: '责任书已签署，无需重复签署',
      [LetterStatus.REVOKED]: '责任书已撤销，不能签署',
      [LetterStatus.EXPIRED]: '责任书已到期，不能签署',
    },
    refusal: '不能代他人签署责任书',
    condition: '仅责任书指定的签署人本人（不需要授权覆盖该责任书）',
  },
  REVOKE: {
    from: IN_FORCE,
    to: LetterStatus.REVOKED,
    roles: ISSUERS,
    label: '撤销',
    wrongState: '只有已下达或已签署的责任书可以撤销',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；须说明原因',
  },
  EXPIRE: {
    from: IN_FORCE,
    to: LetterStatus.EXPIRED,
    roles: ISSUERS,
    label: '置为到期',
    wrongState: '只有已下达或已签署的责任书可以置为到期',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；年度结束后，发文单位该年度的责任书一并到期',
  },
};

export const LETTER_POLICY = policyFromTransitions('ResponsibilityLetter', '责任书', LETTER_TRANSITIONS, {
  view: { ...viewRule(), condition: '发文单位或受领单位在管辖范围内，或本人是签署人' },
  create: {
    roles: ISSUERS,
    label: '起草',
    refusal: ISSUER_REFUSAL,
    condition: '授权在发文单位；受领单位须为发文单位的下级单位且已确定第一责任人，签署人即该第一责任人',
  },
});

/** Issuer-side actions are judged at the issuing unit's path. */
export const LETTER_ACCESS = scopedAccess(LETTER_POLICY, ResponsibilityLetterEntity, (letter) => letter.issuerPath);

/** The status the action takes the letter to, or CONFLICT (ILLEGAL_TRANSITION) from its table. */
export function letterStatusAfter(action: LetterAction, letter: LetterState & { id: string }): LetterStatus {
  // No action leads to AWAITING_RESIGNING: that phase is only ever entered by flagging (see new-leader.ts).
  return requireTransition(LETTER_TRANSITIONS, action, letterPhase(letter), letter.id) as LetterStatus;
}

/** The statuses a letter may be in for the action to apply (for bulk actions such as expiry). */
export function statusesFrom(action: LetterAction): LetterStatus[] {
  return Object.values(LetterStatus).filter((status) => LETTER_TRANSITIONS[action].from.some((phase) => phase === status));
}

export function isRecipient(asker: Asker, letter: { recipientPersonId: string }): boolean {
  return asker.viewer.personId !== null && asker.viewer.personId === letter.recipientPersonId;
}

/** A letter is read on both sides: by those in scope of its recipient or its issuer, and by the person who must sign it. */
export function mayReadLetter(asker: Asker, letter: ResponsibilityLetterEntity): boolean {
  return LETTER_ACCESS.allows(asker, 'view', letter.orgPath) || LETTER_ACCESS.allows(asker, 'view', letter.issuerPath) || isRecipient(asker, letter);
}

/** The same rule as a WHERE fragment on the letter alias `l`. */
export function readableLetters(asker: Asker): SqlCondition {
  const recipientSide = LETTER_ACCESS.where(asker, 'view', 'l.org_path', 'recipientScope');
  const issuerSide = LETTER_ACCESS.where(asker, 'view', 'l.issuer_path', 'issuerScope');
  const parts = [recipientSide.sql, issuerSide.sql];
  const params: Record<string, unknown> = { ...recipientSide.params, ...issuerSide.params };
  if (asker.viewer.personId) {
    parts.push('l.recipient_person_id = :viewerPersonId');
    params.viewerPersonId = asker.viewer.personId;
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}
