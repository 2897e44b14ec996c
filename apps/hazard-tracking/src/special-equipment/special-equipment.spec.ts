import { requireTransition } from '@campus/server';
import { daysAfter } from './special-equipment-dates';
import { SpecialEquipmentStatus } from './special-equipment-enums';
import { SPECIAL_EQUIPMENT_TRANSITIONS } from './special-equipment.access';
import { SpecialEquipmentEntity } from './special-equipment.entity';
import { isInspectionOverdue } from './special-equipment.types';

describe('special equipment (特种设备台账)', () => {
  it('counts days across months and years', () => {
    expect(daysAfter('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysAfter('2026-02-27', 0)).toBe('2026-02-27');
  });

  it('is overdue only when not retired and the next inspection date has passed', () => {
    const equipment = (status: SpecialEquipmentStatus, due: string | null) => ({ status, nextInspectionDue: due }) as SpecialEquipmentEntity;
    expect(isInspectionOverdue(equipment(SpecialEquipmentStatus.IN_SERVICE, '2026-01-01'), '2026-01-02')).toBe(true);
    expect(isInspectionOverdue(equipment(SpecialEquipmentStatus.SUSPENDED, '2026-01-02'), '2026-01-02')).toBe(false);
    expect(isInspectionOverdue(equipment(SpecialEquipmentStatus.RETIRED, '2026-01-01'), '2026-01-02')).toBe(false);
    expect(isInspectionOverdue(equipment(SpecialEquipmentStatus.IN_SERVICE, null), '2026-01-02')).toBe(false);
  });

  it('suspends, resumes and retires; retirement is terminal', () => {
    const { IN_SERVICE, SUSPENDED, RETIRED } = SpecialEquipmentStatus;
    expect(requireTransition(SPECIAL_EQUIPMENT_TRANSITIONS, 'suspend', IN_SERVICE, 'e')).toBe(SUSPENDED);
    expect(requireTransition(SPECIAL_EQUIPMENT_TRANSITIONS, 'resume', SUSPENDED, 'e')).toBe(IN_SERVICE);
    expect(requireTransition(SPECIAL_EQUIPMENT_TRANSITIONS, 'retire', SUSPENDED, 'e')).toBe(RETIRED);
    expect(() => requireTransition(SPECIAL_EQUIPMENT_TRANSITIONS, 'suspend', SUSPENDED, 'e')).toThrow('该特种设备已停用');
    for (const action of ['edit', 'recordInspection', 'raiseHazard', 'retire'] as const) {
      expect(() => requireTransition(SPECIAL_EQUIPMENT_TRANSITIONS, action, RETIRED, 'e')).toThrow(
        expect.objectContaining({ code: 'CONFLICT', reason: 'INACTIVE' }),
      );
    }
  });
});
