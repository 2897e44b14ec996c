import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { SpecialEquipmentStatus } from './special-equipment-enums';
import { SpecialEquipmentEntity } from './special-equipment.entity';

/** Who keeps the register: the unit's leader and safety officer, the school's safety office, the bureau. */
const EQUIPMENT_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const { IN_SERVICE, SUSPENDED, RETIRED } = SpecialEquipmentStatus;
const NOT_RETIRED = [IN_SERVICE, SUSPENDED];
const RETIRED_REFUSAL = '该特种设备已销号，不能再修改或办理';
const REFUSAL = '只有本单位领导、安全员和上级安全管理部门可以管理特种设备台账';

export type SpecialEquipmentAction = 'edit' | 'recordInspection' | 'suspend' | 'resume' | 'retire' | 'raiseHazard';

/** 在用 ⇄ 停用 → 已销号 (terminal): a retired piece of equipment stays in the register, read only. */
export const SPECIAL_EQUIPMENT_TRANSITIONS: TransitionTable<SpecialEquipmentStatus, SpecialEquipmentAction> = {
  edit: { from: NOT_RETIRED, to: null, roles: EQUIPMENT_MANAGERS, label: '修改', refusal: REFUSAL, wrongState: RETIRED_REFUSAL, wrongStateReason: 'INACTIVE' },
  recordInspection: {
    from: NOT_RETIRED,
    to: null,
    roles: EQUIPMENT_MANAGERS,
    label: '记录定期检验',
    refusal: REFUSAL,
    wrongState: RETIRED_REFUSAL,
    wrongStateReason: 'INACTIVE',
  },
  suspend: {
    from: [IN_SERVICE],
    to: SUSPENDED,
    roles: EQUIPMENT_MANAGERS,
    label: '停用',
    refusal: REFUSAL,
    wrongState: RETIRED_REFUSAL,
    wrongStates: { [SUSPENDED]: '该特种设备已停用' },
  },
  resume: {
    from: [SUSPENDED],
    to: IN_SERVICE,
    roles: EQUIPMENT_MANAGERS,
    label: '恢复使用',
    refusal: REFUSAL,
    wrongState: RETIRED_REFUSAL,
    wrongStates: { [IN_SERVICE]: '该特种设备正在使用，无需恢复' },
  },
  retire: {
    from: NOT_RETIRED,
    to: RETIRED,
    roles: EQUIPMENT_MANAGERS,
    label: '销号（报废）',
    refusal: REFUSAL,
    wrongState: '该特种设备已销号',
    wrongStateReason: 'INACTIVE',
    condition: '须填写销号原因，审批人为操作人本人',
  },
  raiseHazard: {
    from: NOT_RETIRED,
    to: null,
    roles: EQUIPMENT_MANAGERS,
    label: '据检验逾期或不合格登记隐患',
    refusal: REFUSAL,
    wrongState: RETIRED_REFUSAL,
    wrongStateReason: 'INACTIVE',
    condition: '定期检验已逾期或最近一次检验不合格；该设备已登记的隐患未闭环时不能再次登记',
  },
};

export const SPECIAL_EQUIPMENT_POLICY = policyFromTransitions('SpecialEquipment', '特种设备', SPECIAL_EQUIPMENT_TRANSITIONS, {
  view: viewRule(),
  register: { roles: EQUIPMENT_MANAGERS, label: '登记', refusal: '您无权在该单位登记特种设备' },
});

export const SPECIAL_EQUIPMENT_ACCESS = scopedAccess(SPECIAL_EQUIPMENT_POLICY, SpecialEquipmentEntity);
