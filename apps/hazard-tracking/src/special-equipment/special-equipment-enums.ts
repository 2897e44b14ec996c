import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** The kinds of 特种设备 a campus keeps, after the 特种设备目录 plus campus vehicles. */
export enum SpecialEquipmentKind {
  BOILER = 'BOILER',
  PRESSURE_VESSEL = 'PRESSURE_VESSEL',
  PRESSURE_PIPING = 'PRESSURE_PIPING',
  ELEVATOR = 'ELEVATOR',
  LIFTING_MACHINERY = 'LIFTING_MACHINERY',
  IN_SITE_MOTOR_VEHICLE = 'IN_SITE_MOTOR_VEHICLE',
  CAMPUS_VEHICLE = 'CAMPUS_VEHICLE',
  OTHER = 'OTHER',
}

export const SPECIAL_EQUIPMENT_KIND_LABELS: Record<SpecialEquipmentKind, string> = {
  BOILER: '锅炉',
  PRESSURE_VESSEL: '压力容器',
  PRESSURE_PIPING: '压力管道',
  ELEVATOR: '电梯',
  LIFTING_MACHINERY: '起重机械',
  IN_SITE_MOTOR_VEHICLE: '场（厂）内专用机动车辆',
  CAMPUS_VEHICLE: '校车/校内车辆',
  OTHER: '其他',
};

export enum SpecialEquipmentStatus {
  IN_SERVICE = 'IN_SERVICE',
  SUSPENDED = 'SUSPENDED',
  RETIRED = 'RETIRED',
}

export const SPECIAL_EQUIPMENT_STATUS_LABELS: Record<SpecialEquipmentStatus, string> = {
  IN_SERVICE: '在用',
  SUSPENDED: '停用',
  RETIRED: '已销号（报废）',
};

export enum InspectionResult {
  PASS = 'PASS',
  CONDITIONAL = 'CONDITIONAL',
  FAIL = 'FAIL',
}

export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = {
  PASS: '合格',
  CONDITIONAL: '基本符合要求（有条件使用）',
  FAIL: '不合格',
};

/** The source reference a hazard raised from a piece of equipment carries. */
export const SPECIAL_EQUIPMENT_SOURCE_REF = 'SPECIAL_EQUIPMENT';

registerEnumType(SpecialEquipmentKind, {
  name: 'SpecialEquipmentKind',
  description: '特种设备种类',
  valuesConfig: describedBy(SPECIAL_EQUIPMENT_KIND_LABELS),
});
registerEnumType(SpecialEquipmentStatus, {
  name: 'SpecialEquipmentStatus',
  description: '特种设备状态',
  valuesConfig: describedBy(SPECIAL_EQUIPMENT_STATUS_LABELS),
});
registerEnumType(InspectionResult, {
  name: 'SpecialEquipmentInspectionResult',
  description: '定期检验结论',
  valuesConfig: describedBy(INSPECTION_RESULT_LABELS),
});
