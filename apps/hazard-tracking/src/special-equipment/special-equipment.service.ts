import { isDuplicateKey, newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, FieldProblem } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { auditedDelete, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { placeInScope } from '../directory/directory-checks';
import { InspectionResult, SpecialEquipmentStatus } from './special-equipment-enums';
import { SPECIAL_EQUIPMENT_ACCESS, SPECIAL_EQUIPMENT_TRANSITIONS, SpecialEquipmentAction } from './special-equipment.access';
import { EquipmentInspectionEntity, OperatorCertificateEntity, SpecialEquipmentEntity } from './special-equipment.entity';
import {
  OperatorCertificateInput,
  RecordEquipmentInspectionInput,
  RegisterSpecialEquipmentInput,
  ResumeSpecialEquipmentInput,
  RetireSpecialEquipmentInput,
  SuspendSpecialEquipmentInput,
  UpdateSpecialEquipmentInput,
} from './special-equipment.inputs';
import { SpecialEquipment, toSpecialEquipment } from './special-equipment.types';

const DUPLICATE_REGISTRATION = '该单位已登记使用登记证编号相同的特种设备';

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

function notAfterToday(field: string, day: string | null | undefined, label: string): FieldProblem[] {
  return day && day > calendarDateOf(new Date()) ? [{ field, message: `${label}不能晚于今天` }] : [];
}

/** Changes to the register: registration, corrections, inspections, suspension and 销号. */
export class SpecialEquipmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async register(caller: Caller, input: RegisterSpecialEquipmentInput): Promise<SpecialEquipment> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    SPECIAL_EQUIPMENT_ACCESS.checkRole(caller, 'register', path);
    requireValid(notAfterToday('commissionedOn', input.commissionedOn, '投入使用日期'));
    const work = oncePerRequest(clientRequest(caller.viewer, 'registerSpecialEquipment', input), async (manager) => {
      const placeText = await this.placeTextOf(manager, caller, input.placeId, input.placeText);
      const equipment = manager.create(SpecialEquipmentEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        kind: input.kind,
        name: input.name,
        model: input.model ?? null,
        registrationNo: input.registrationNo,
        manufacturer: input.manufacturer ?? null,
        commissionedOn: input.commissionedOn ?? null,
        placeId: input.placeId ?? null,
        placeText,
        responsiblePersonId: input.responsiblePersonId ?? null,
        status: SpecialEquipmentStatus.IN_SERVICE,
        nextInspectionDue: input.nextInspectionDue ?? null,
        lastInspectionResult: null,
        suspendReason: null,
        retiredOn: null,
        retireReason: null,
        retiredByAccountId: null,
        retiredByPersonId: null,
        hazardId: null,
      });
      await manager.save(equipment);
      await replaceCertificates(manager, equipment.id, input.certificates);
      return toSpecialEquipment(equipment);
    });
    const outcome = await refuseDuplicateRegistration(() => this.dataSource.transaction(work));
    return outcome.created ?? toSpecialEquipment(await SPECIAL_EQUIPMENT_ACCESS.find(this.dataSource.manager, caller, 'view', outcome.id));
  }

  /** Corrects the facts; a given certificate list replaces the old one. */
  async update(caller: Caller, input: UpdateSpecialEquipmentInput): Promise<SpecialEquipment> {
    return refuseDuplicateRegistration(() =>
      this.transition(caller, 'edit', input, async (manager, equipment) => {
        requireValid(notAfterToday('commissionedOn', input.commissionedOn, '投入使用日期'));
        if (input.placeId || input.placeText) {
          equipment.placeText = await this.placeTextOf(manager, caller, input.placeId, input.placeText ?? (input.placeId ? undefined : equipment.placeText));
          if (input.placeId) equipment.placeId = input.placeId;
        }
        for (const field of ['name', 'model', 'registrationNo', 'manufacturer', 'commissionedOn', 'responsiblePersonId', 'nextInspectionDue'] as const) {
          if (input[field] !== undefined && input[field] !== null) Object.assign(equipment, { [field]: input[field] });
        }
        if (input.certificates) await replaceCertificates(manager, equipment.id, input.certificates);
      }),
    );
  }

  /** 定期检验: the newest record sets the last result and the next due date (input checked once the row is in scope). */
  async recordInspection(caller: Caller, input: RecordEquipmentInspectionInput): Promise<SpecialEquipment> {
    return this.transition(caller, 'recordInspection', input, async (manager, equipment) => {
      requireValid(inspectionProblems(input));
      const [{ latest }] = await manager.query('SELECT MAX(inspected_on) AS latest FROM special_equipment_inspection WHERE equipment_id = ?', [equipment.id]);
      await manager.insert(EquipmentInspectionEntity, {
        id: newId(),
        equipmentId: equipment.id,
        inspectedOn: input.inspectedOn,
        inspectingBody: input.inspectingBody,
        result: input.result,
        reportNo: input.reportNo,
        nextDueOn: input.nextDueOn ?? null,
        recordedByAccountId: caller.viewer.accountId,
      });
      if (!latest || String(latest) <= input.inspectedOn) {
        equipment.lastInspectionResult = input.result;
        if (input.nextDueOn) equipment.nextInspectionDue = input.nextDueOn;
      }
    });
  }

  async suspend(caller: Caller, input: SuspendSpecialEquipmentInput): Promise<SpecialEquipment> {
    return this.transition(caller, 'suspend', input, (_manager, equipment) => {
      equipment.suspendReason = input.reason;
    });
  }

  async resume(caller: Caller, input: ResumeSpecialEquipmentInput): Promise<SpecialEquipment> {
    return this.transition(caller, 'resume', input, (_manager, equipment) => {
      equipment.suspendReason = null;
    });
  }

  /** 销号: retired with its reason, approver (the viewer) and date; the record stays, read only. */
  async retire(caller: Caller, input: RetireSpecialEquipmentInput): Promise<SpecialEquipment> {
    return this.transition(caller, 'retire', input, (_manager, equipment) => {
      requireValid(notAfterToday('retiredOn', input.retiredOn, '销号日期'));
      Object.assign(equipment, {
        retiredOn: input.retiredOn ?? calendarDateOf(new Date()),
        retireReason: input.reason,
        retiredByAccountId: caller.viewer.accountId,
        retiredByPersonId: caller.viewer.personId,
      });
    });
  }

  private transition(
    caller: Caller,
    action: SpecialEquipmentAction,
    ref: { id: string; version: number },
    change: (manager: EntityManager, equipment: SpecialEquipmentEntity) => Promise<void> | void,
  ): Promise<SpecialEquipment> {
    return this.dataSource.transaction(async (manager) => {
      const { row, next } = await lockTransition(SPECIAL_EQUIPMENT_ACCESS, manager, caller, SPECIAL_EQUIPMENT_TRANSITIONS, action, ref);
      await change(manager, row);
      row.status = next;
      await manager.save(row);
      return toSpecialEquipment(row);
    });
  }

  private async placeTextOf(manager: EntityManager, caller: Caller, placeId: string | undefined, placeText: string | undefined): Promise<string> {
    const place = placeId ? await placeInScope(manager, caller, placeId) : null;
    const text = placeText ?? place?.name;
    if (!text) throw new BadUserInputError([{ field: 'placeText', message: '请填写安装/使用部位或选择场所' }]);
    return text;
  }
}

function inspectionProblems(input: RecordEquipmentInspectionInput): FieldProblem[] {
  const problems = notAfterToday('inspectedOn', input.inspectedOn, '检验日期');
  if (input.nextDueOn && input.nextDueOn <= input.inspectedOn) problems.push({ field: 'nextDueOn', message: '下次检验日期应晚于检验日期' });
  if (!input.nextDueOn && input.result !== InspectionResult.FAIL) problems.push({ field: 'nextDueOn', message: '检验合格或基本符合要求时须填写下次检验日期' });
  return problems;
}

async function replaceCertificates(manager: EntityManager, equipmentId: string, certificates: OperatorCertificateInput[]): Promise<void> {
  await auditedDelete(manager, OperatorCertificateEntity, { equipmentId });
  if (!certificates.length) return;
  await manager.insert(
    OperatorCertificateEntity,
    certificates.map((certificate) => ({
      id: newId(),
      equipmentId,
      holderName: certificate.holderName,
      holderPersonId: certificate.holderPersonId ?? null,
      certificateNo: certificate.certificateNo,
      expiresOn: certificate.expiresOn,
    })),
  );
}

async function refuseDuplicateRegistration<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', DUPLICATE_REGISTRATION);
    throw error;
  }
}
