import { calendarDateOf, callerOf, ExportFile, RequestContext, xlsxExport } from '@campus/graphql';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { INSPECTION_RESULT_LABELS, SPECIAL_EQUIPMENT_KIND_LABELS, SPECIAL_EQUIPMENT_STATUS_LABELS } from './special-equipment-enums';
import { SpecialEquipmentQueries } from './special-equipment-queries';
import { SpecialEquipmentEntity } from './special-equipment.entity';
import { SpecialEquipmentFilter } from './special-equipment.inputs';
import { isInspectionOverdue } from './special-equipment.types';

/** Register downloads stop here: the register of a whole county is a few thousand rows. */
export const SPECIAL_EQUIPMENT_EXPORT_LIMIT = 20_000;

const HEADERS = [
  '使用单位',
  '设备种类',
  '设备名称',
  '型号',
  '使用登记证编号',
  '制造单位',
  '投入使用日期',
  '安装/使用部位',
  '安全管理责任人',
  '作业人员证书',
  '最近检验结论',
  '下次检验日期',
  '检验是否逾期',
  '状态',
  '销号日期',
  '销号原因',
  '关联隐患',
];
const WIDTHS = [20, 16, 24, 14, 20, 22, 12, 22, 12, 36, 14, 12, 10, 14, 12, 24, 20];

/** Names from the local projections (units, people) and the hazards' codes, one statement each. */
async function namesOf(manager: EntityManager, table: 'org_unit_projection' | 'person_projection' | 'hazard', ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const column = table === 'hazard' ? 'code' : 'name';
  const rows: { id: string; label: string }[] = await manager.query(
    `SELECT id, ${column} AS label FROM ${table} WHERE id IN (${wanted.map(() => '?').join(', ')})`,
    wanted,
  );
  return new Map(rows.map((row) => [row.id, row.label]));
}

/** Each piece of equipment's certificates as one cell: 张三 T-001（至 2027-03-01）. */
async function certificatesOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { equipment_id: string; holder_name: string; certificate_no: string; expires_on: string }[] = await manager.query(
    `SELECT equipment_id, holder_name, certificate_no, expires_on FROM special_equipment_certificate
      WHERE equipment_id IN (${ids.map(() => '?').join(', ')}) ORDER BY expires_on, id`,
    ids,
  );
  const cells = new Map<string, string[]>();
  for (const row of rows) cells.set(row.equipment_id, [...(cells.get(row.equipment_id) ?? []), `${row.holder_name} ${row.certificate_no}（至 ${row.expires_on}）`]);
  return new Map([...cells].map(([id, texts]) => [id, texts.join('；')]));
}

@Authorized()
@Resolver()
export class SpecialEquipmentExportResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: SpecialEquipmentQueries,
  ) {}

  @Query(() => ExportFile, { description: '特种设备台账 Excel（工作表「特种设备台账」，按筛选条件，最多 2 万条）；下载地址 /exports/special-equipment' })
  async specialEquipmentWorkbook(
    @Arg('filter', () => SpecialEquipmentFilter, { defaultValue: { inspectionOverdue: false } }) filter: SpecialEquipmentFilter,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    const rows = await this.queries.rows(callerOf(context), filter, SPECIAL_EQUIPMENT_EXPORT_LIMIT);
    const manager = this.dataSource.manager;
    const [units, people, hazards, certificates] = await Promise.all([
      namesOf(manager, 'org_unit_projection', rows.map((row) => row.orgUnitId)),
      namesOf(manager, 'person_projection', rows.map((row) => row.responsiblePersonId)),
      namesOf(manager, 'hazard', rows.map((row) => row.hazardId)),
      certificatesOf(manager, rows.map((row) => row.id)),
    ]);
    const today = calendarDateOf(new Date());
    const toRow = (equipment: SpecialEquipmentEntity) => [
      units.get(equipment.orgUnitId) ?? '',
      SPECIAL_EQUIPMENT_KIND_LABELS[equipment.kind],
      equipment.name,
      equipment.model,
      equipment.registrationNo,
      equipment.manufacturer,
      equipment.commissionedOn,
      equipment.placeText,
      equipment.responsiblePersonId ? (people.get(equipment.responsiblePersonId) ?? '') : '',
      certificates.get(equipment.id) ?? '',
      equipment.lastInspectionResult ? INSPECTION_RESULT_LABELS[equipment.lastInspectionResult] : '',
      equipment.nextInspectionDue,
      isInspectionOverdue(equipment, today) ? '是' : '否',
      SPECIAL_EQUIPMENT_STATUS_LABELS[equipment.status],
      equipment.retiredOn,
      equipment.retireReason,
      equipment.hazardId ? (hazards.get(equipment.hazardId) ?? '') : '',
    ];
    return xlsxExport(`特种设备台账-${today}.xlsx`, [
      { name: '特种设备台账', title: `特种设备台账（导出日期 ${today}，共 ${rows.length} 台）`, headers: HEADERS, widths: WIDTHS, rows: rows.map(toRow) },
    ]);
  }
}
