import { FeatureModule } from '@campus/server';
import { SpecialEquipment1765000000110 } from '../migrations/1765000000110-special-equipment';
import type { HazardDeps } from '../service';
import { SpecialEquipmentExportResolver } from './special-equipment-export';
import { SpecialEquipmentQueries } from './special-equipment-queries';
import { SPECIAL_EQUIPMENT_POLICY } from './special-equipment.access';
import { EquipmentInspectionEntity, OperatorCertificateEntity, SpecialEquipmentEntity } from './special-equipment.entity';
import { SpecialEquipmentResolver } from './special-equipment.resolver';
import { SpecialEquipmentService } from './special-equipment.service';

/** 特种设备台账: equipment, operator certificates, periodic inspections, 销号, hazards raised from overdue inspections, Excel. */
export const SPECIAL_EQUIPMENT_MODULE: FeatureModule<HazardDeps> = {
  name: 'special-equipment',
  entities: [SpecialEquipmentEntity, OperatorCertificateEntity, EquipmentInspectionEntity],
  migrations: [SpecialEquipment1765000000110],
  scopedTables: ['special_equipment'],
  policies: [SPECIAL_EQUIPMENT_POLICY],
  resolvers: ({ dataSource, directory, outbox }) => {
    const queries = new SpecialEquipmentQueries(dataSource, directory);
    return [
      new SpecialEquipmentResolver(queries, new SpecialEquipmentService(dataSource, directory), dataSource, outbox),
      new SpecialEquipmentExportResolver(dataSource, queries),
    ];
  },
};
