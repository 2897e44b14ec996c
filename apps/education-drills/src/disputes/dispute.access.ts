import { Role } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { DisputeCategory, DisputeStatus } from './dispute-enums';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { DisputeEntity } from './dispute.entity';

/**
 * Who handles the registers of people at risk (disputes, key students), as for sensitive hazards: the
 * counsellors, the school's safety office, the unit's leader and the bureau. Never grid officers or staff:
 * to them a record reads as NOT_FOUND and lists only count.
 */
export const PEOPLE_AT_RISK_HANDLERS: readonly Role[] = [Role.COUNSELOR, Role.SAFETY_OFFICE, Role.UNIT_LEADER, Role.BUREAU_ADMIN];

export const PEOPLE_AT_RISK_REFUSAL = '师生矛盾纠纷和重点关注学生台账仅心理健康中心、安全保卫处、单位负责人和教育局可以查看和办理';

const CLOSED = '该纠纷已结案';

export type DisputeAction = 'MEDIATE' | 'RESOLVE' | 'ESCALATE' | 'CLOSE';

/** 登记 → 调解中 → 已化解 / 上报移交 → 结案; mediation steps while open. */
export const DISPUTE_TRANSITIONS: TransitionTable<DisputeStatus, DisputeAction> = {
  MEDIATE: {
    from: [DisputeStatus.REGISTERED, DisputeStatus.MEDIATING],
    to: DisputeStatus.MEDIATING,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '记录调解',
    wrongState: '该纠纷已化解、上报移交或结案，不能再记录调解',
    refusal: PEOPLE_AT_RISK_REFUSAL,
  },
  RESOLVE: {
    from: [DisputeStatus.MEDIATING],
    to: DisputeStatus.RESOLVED,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '确认已化解',
    wrongState: '只有调解中的纠纷可以确认化解',
    wrongStates: { [DisputeStatus.REGISTERED]: '该纠纷尚未调解，请先记录调解过程' },
    refusal: PEOPLE_AT_RISK_REFUSAL,
    condition: '须写明化解结果',
  },
  ESCALATE: {
    from: [DisputeStatus.REGISTERED, DisputeStatus.MEDIATING],
    to: DisputeStatus.ESCALATED,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '上报或移交',
    wrongState: '该纠纷已化解、上报移交或结案',
    refusal: PEOPLE_AT_RISK_REFUSAL,
    condition: '须写明上报或移交的部门和原因',
  },
  CLOSE: {
    from: [DisputeStatus.RESOLVED, DisputeStatus.ESCALATED],
    to: DisputeStatus.CLOSED,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '结案',
    wrongState: '只有已化解或已上报移交的纠纷可以结案',
    wrongStates: { [DisputeStatus.CLOSED]: CLOSED },
    refusal: PEOPLE_AT_RISK_REFUSAL,
    condition: '须写明结案说明',
  },
};

/** Every category is restricted: the whole register is reached only by its handlers (the kit's restricted kinds). */
export const DISPUTE_POLICY = {
  ...policyFromTransitions('Dispute', '师生矛盾纠纷', DISPUTE_TRANSITIONS, {
    view: { ...viewRule(), condition: '每次查看都记入访问日志' },
    create: { roles: PEOPLE_AT_RISK_HANDLERS, label: '登记', refusal: PEOPLE_AT_RISK_REFUSAL },
  }),
  restricted: { column: 'category', kinds: Object.values(DisputeCategory), roles: PEOPLE_AT_RISK_HANDLERS, label: '师生矛盾纠纷（全部类别）' },
};

export const DISPUTE_ACCESS = scopedAccess(DISPUTE_POLICY, DisputeEntity, undefined, (dispute) => dispute.category);

/** A party named by id must be a person the registrar can see (any role in scope); else the id is refused as unknown. */
export const DISPUTE_PARTY_ACCESS = scopedAccess(definePolicy({ aggregate: 'DisputeParty', label: '当事人', actions: { view: viewRule() } }), PersonProjectionRow);

export const RISK_REGISTER_ACCESS_LOG_POLICY = definePolicy({
  aggregate: 'RiskRegisterAccessLogEntry',
  label: '重点人员台账访问日志',
  actions: {
    view: {
      roles: PEOPLE_AT_RISK_HANDLERS,
      label: '查看',
      refusal: '只有心理健康中心、安全保卫处、单位负责人和教育局可以查看重点人员台账的访问日志',
      condition: '只含谁、何时、以何种方式访问了哪条记录，不含当事人姓名',
    },
  },
});
