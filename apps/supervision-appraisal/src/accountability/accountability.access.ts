import { ADMIN_ROLES, UNIT_HEAD_ROLES } from '@campus/auth';
import { SqlCondition } from '@campus/database';
import { NotFoundError } from '@campus/graphql';
import { Asker, policyFromTransitions, RowLocker, RowRef, scopedAccess, TransitionTable } from '@campus/server';
import { EntityManager } from 'typeorm';
import { AccountabilityStatus } from './accountability-enums';
import { AccountabilityRecordEntity } from './accountability.entity';

/** Who issues, confirms, dismisses and revokes: the bureau admins or school safety office of the issuing unit (granted at it or above). */
const ISSUERS = ADMIN_ROLES;
const REFUSAL = '只有作出单位（对象的上级教育局或学校）的教育局安全管理员或学校安全保卫处可以作出、确认或撤销问责';

export type AccountabilityAction = 'RECORD' | 'CONFIRM' | 'DISMISS' | 'REVOKE';

/** 待确认 → 记录在案 or 不予问责; 记录在案 → 已撤销. Nothing is sanctioned without a person confirming it. */
export const ACCOUNTABILITY_TRANSITIONS: TransitionTable<AccountabilityStatus, AccountabilityAction> = {
  RECORD: {
    from: [],
    to: AccountabilityStatus.PROPOSED,
    roles: ISSUERS,
    label: '提出问责',
    wrongState: '问责记录已存在',
    refusal: REFUSAL,
    condition: '作出单位须为对象单位的上级单位；不能对本单位或上级单位问责',
  },
  CONFIRM: {
    from: [AccountabilityStatus.PROPOSED],
    to: AccountabilityStatus.CONFIRMED,
    roles: ISSUERS,
    label: '确认问责（记录在案）',
    wrongState: '只有待确认的问责可以确认',
    wrongStates: { CONFIRMED: '该问责已确认记录在案' },
    refusal: REFUSAL,
    condition: '作出单位的管理员（含平台根据逾期督办、一票否决提出的待确认问责）',
  },
  DISMISS: {
    from: [AccountabilityStatus.PROPOSED],
    to: AccountabilityStatus.DISMISSED,
    roles: ISSUERS,
    label: '不予问责',
    wrongState: '只有待确认的问责可以不予问责',
    refusal: REFUSAL,
    condition: '须说明理由',
  },
  REVOKE: {
    from: [AccountabilityStatus.CONFIRMED],
    to: AccountabilityStatus.REVOKED,
    roles: ISSUERS,
    label: '撤销问责',
    wrongState: '只有记录在案的问责可以撤销',
    wrongStates: { REVOKED: '该问责已撤销' },
    refusal: REFUSAL,
    condition: '须说明理由',
  },
};

export const ACCOUNTABILITY_POLICY = policyFromTransitions('AccountabilityRecord', '问责记录', ACCOUNTABILITY_TRANSITIONS, {
  view: { roles: UNIT_HEAD_ROLES, label: '查看', condition: '对象单位及其上级单位的负责人、学校安全保卫处和教育局；个人可查看关于本人的记录' },
  download: { roles: UNIT_HEAD_ROLES, label: '下载问责通报清单', condition: '只含可查看的记录' },
});

/** Reads decide on the target unit's path (org_path); the steps on the issuing unit's (see ACCOUNTABILITY_LOCKER). */
export const ACCOUNTABILITY_ACCESS = scopedAccess(ACCOUNTABILITY_POLICY, AccountabilityRecordEntity);

/** Does the viewer read the record: the target unit's leadership (or above), or the person it is about. */
export function readsRecord(asker: Asker, row: { orgPath: string; personId: string | null }): boolean {
  if (row.personId !== null && asker.viewer.personId === row.personId) return true;
  return ACCOUNTABILITY_ACCESS.allows(asker, 'view', row.orgPath);
}

/** The records the viewer reads, on `<alias>.org_path` and `<alias>.person_id`. */
export function readableRecordsCondition(asker: Asker, alias: string, action: 'view' | 'download' = 'view'): SqlCondition {
  const scope = ACCOUNTABILITY_ACCESS.where(asker, action, `${alias}.org_path`, 'readScope');
  if (!asker.viewer.personId) return scope;
  return { sql: `(${scope.sql} OR ${alias}.person_id = :readerPersonId)`, params: { ...scope.params, readerPersonId: asker.viewer.personId } };
}

/**
 * Locks a record for a step: NOT_FOUND unless the viewer reads it, FORBIDDEN unless they hold an issuer role
 * at its issuing unit (the target unit's own leadership reads but does not decide), then a stale version.
 */
export const ACCOUNTABILITY_LOCKER: RowLocker<AccountabilityRecordEntity, AccountabilityAction> = {
  async lock(manager: EntityManager, asker: Asker, action: AccountabilityAction, ref: RowRef): Promise<AccountabilityRecordEntity> {
    const row = await manager.findOne(AccountabilityRecordEntity, { where: { id: ref.id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !readsRecord(asker, row)) throw new NotFoundError(ACCOUNTABILITY_POLICY.label, ref.id);
    ACCOUNTABILITY_ACCESS.checkRole(asker, action, row.issuingPath);
    ACCOUNTABILITY_ACCESS.checkVersion(row, ref);
    return row;
  },
};
