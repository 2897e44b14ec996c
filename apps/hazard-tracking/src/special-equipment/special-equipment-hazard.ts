import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { calendarDateOf, Caller, ConflictError } from '@campus/graphql';
import { lockTransition } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { insertHazard } from '../hazards/hazard-creation';
import { HazardAction, HazardCategory, HazardSource, HazardStatus, RECTIFIED_STATUSES } from '../hazards/hazard-enums';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { INSPECTION_RESULT_LABELS, InspectionResult, SPECIAL_EQUIPMENT_KIND_LABELS, SPECIAL_EQUIPMENT_SOURCE_REF } from './special-equipment-enums';
import { SPECIAL_EQUIPMENT_ACCESS, SPECIAL_EQUIPMENT_TRANSITIONS } from './special-equipment.access';
import { SpecialEquipmentEntity } from './special-equipment.entity';
import { RaiseSpecialEquipmentHazardInput } from './special-equipment.inputs';
import { isInspectionOverdue, SpecialEquipment, toSpecialEquipment } from './special-equipment.types';

/** A hazard that is not yet rectified nor voided still stands for the equipment's problem. */
const CLOSED_HAZARD_STATUSES: readonly HazardStatus[] = [...RECTIFIED_STATUSES, HazardStatus.VOIDED];

/**
 * Registers a 特种设备安全 hazard in the equipment's unit and place for an overdue or failed periodic inspection,
 * through the hazard core's one creation path (insertHazard: code, first step, rollup, hazard.registered event),
 * after the viewer's right to register hazards there; the equipment keeps the hazard's id.
 */
export async function raiseEquipmentHazard(
  dataSource: DataSource,
  outbox: OutboxSignal,
  caller: Caller,
  input: RaiseSpecialEquipmentHazardInput,
): Promise<SpecialEquipment> {
  return transactionWithEvents(dataSource, outbox, async (manager) => {
    const { row: equipment } = await lockTransition(SPECIAL_EQUIPMENT_ACCESS, manager, caller, SPECIAL_EQUIPMENT_TRANSITIONS, 'raiseHazard', input);
    HAZARD_ACCESS.checkRole(caller, HazardAction.REGISTER, equipment.orgPath);
    const failed = equipment.lastInspectionResult === InspectionResult.FAIL;
    if (!failed && !isInspectionOverdue(equipment)) {
      throw new ConflictError('NOT_YET_DUE', '该设备定期检验未逾期且最近一次检验不是“不合格”，不能据此登记隐患', { id: equipment.id });
    }
    await refuseWhileHazardOpen(manager, equipment);
    const hazard = await insertHazard(
      manager,
      {
        orgUnitId: equipment.orgUnitId,
        orgPath: equipment.orgPath,
        title: `${equipment.name}${failed ? '定期检验不合格' : '定期检验逾期'}`.slice(0, 200),
        description: describe(equipment, failed, input.note),
        category: HazardCategory.SPECIAL_EQUIPMENT,
        grade: input.grade,
        source: HazardSource.SELF_INSPECTION,
        placeText: equipment.placeText,
        placeId: equipment.placeId,
        discoveredAt: new Date(),
        discoveredByPersonId: caller.viewer.personId,
        sourceRef: { type: SPECIAL_EQUIPMENT_SOURCE_REF, id: equipment.id },
      },
      caller.viewer,
    );
    equipment.hazardId = hazard.id;
    await manager.save(equipment);
    return toSpecialEquipment(equipment);
  });
}

async function refuseWhileHazardOpen(manager: EntityManager, equipment: SpecialEquipmentEntity): Promise<void> {
  if (!equipment.hazardId) return;
  const [hazard] = await manager.query('SELECT code, status FROM hazard WHERE id = ?', [equipment.hazardId]);
  if (hazard && !CLOSED_HAZARD_STATUSES.includes(hazard.status)) {
    throw new ConflictError('DUPLICATE', `该设备已登记隐患 ${hazard.code}，尚未整改闭环，不能重复登记`, { id: equipment.id, hazardId: equipment.hazardId });
  }
}

function describe(equipment: SpecialEquipmentEntity, failed: boolean, note: string | undefined): string {
  const facts = [
    `${SPECIAL_EQUIPMENT_KIND_LABELS[equipment.kind]}「${equipment.name}」（使用登记证编号 ${equipment.registrationNo}）`,
    failed
      ? `最近一次定期检验结论为${INSPECTION_RESULT_LABELS[InspectionResult.FAIL]}`
      : `定期检验应于 ${equipment.nextInspectionDue} 前完成，至 ${calendarDateOf(new Date())} 已逾期`,
  ];
  return [facts.join('，') + '。', note].filter(Boolean).join('\n');
}
