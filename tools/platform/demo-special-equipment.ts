import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

export interface SpecialEquipmentDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  log: (line: string) => void;
}

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const REGISTER = 'mutation($input: RegisterSpecialEquipmentInput!) { registerSpecialEquipment(input: $input) { specialEquipment { id version } } }';
const INSPECT = 'mutation($input: RecordEquipmentInspectionInput!) { recordSpecialEquipmentInspection(input: $input) { specialEquipment { id } } }';
const CREATE_RISK = 'mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { riskPoint { id version } } }';
const STRIKE_OFF = 'mutation($input: StrikeOffRiskPointInput!) { strikeOffRiskPoint(input: $input) { riskPoint { id } } }';

/**
 * 特种设备台账 at 现代职业学院: 机电工程学院's 5吨行车 whose periodic inspection is overdue (and whose crane
 * operator's certificate runs out within the month), 后勤管理处's gas boiler due for inspection within the month,
 * and the library's passenger lift inspected today. Also 风险清单 销号: the old forging shop's punch press, removed,
 * struck off by 机电工程学院's safety officer.
 */
export async function seedDemoSpecialEquipment({ clients, unitIds, log }: SpecialEquipmentDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const jd = clients['jd.officer'];
  await jd.data(REGISTER, {
    input: {
      orgUnitId: unitIds['XDZY-JD'],
      kind: 'LIFTING_MACHINERY',
      name: '5吨行车',
      model: 'LD5-16.5A3',
      registrationNo: '起17甘A00321(19)',
      manufacturer: '河南省矿山起重机有限公司',
      commissionedOn: '2019-09-01',
      placeText: '机电实训楼一层金工车间',
      nextInspectionDue: day(-15),
      certificates: [{ holderName: '刘洋', certificateNo: 'Q2-620102198801010011', expiresOn: day(20) }],
      clientRequestId: 'demo-special-equipment-crane',
    },
  });
  await office.data(REGISTER, {
    input: {
      orgUnitId: unitIds['XDZY-HQ'],
      kind: 'BOILER',
      name: '1号燃气热水锅炉',
      model: 'CWNS1.4-85/60-Q',
      registrationNo: '锅11甘A00107(20)',
      manufacturer: '江苏双良锅炉有限公司',
      commissionedOn: '2020-10-15',
      placeText: '后勤锅炉房',
      nextInspectionDue: day(25),
      certificates: [{ holderName: '周强', certificateNo: 'G1-620102197905050033', expiresOn: day(500) }],
      clientRequestId: 'demo-special-equipment-boiler',
    },
  });
  const lift = await office.data<{ registerSpecialEquipment: { specialEquipment: { id: string; version: number } } }>(REGISTER, {
    input: {
      orgUnitId: unitIds['XDZY-HQ'],
      kind: 'ELEVATOR',
      name: '图书馆1号客梯',
      model: 'GeN2-MR 1000kg',
      registrationNo: '梯11甘A02219(21)',
      manufacturer: '奥的斯电梯（中国）有限公司',
      commissionedOn: '2021-03-01',
      placeText: '图书馆东侧电梯井',
      clientRequestId: 'demo-special-equipment-lift',
    },
  });
  const { id, version } = lift.registerSpecialEquipment.specialEquipment;
  await office.data(INSPECT, {
    input: { id, version, inspectedOn: day(0), inspectingBody: '市特种设备检验检测研究院', result: 'PASS', reportNo: 'DT-2026-0419', nextDueOn: day(365) },
  });
  const press = await jd.data<{ createRiskPoint: { riskPoint: { id: string; version: number } } }>(CREATE_RISK, {
    input: {
      orgUnitId: unitIds['XDZY-JD'],
      name: '锻压车间冲床',
      placeText: '旧锻压车间',
      category: 'SPECIAL_EQUIPMENT',
      assessment: { method: 'MATRIX', likelihood: 3, severity: 4 },
      controlMeasures: '双手按钮操作，专人持证上岗，每日点检',
      reviewDate: day(60),
      clientRequestId: 'demo-risk-point-press',
    },
  });
  await jd.data(STRIKE_OFF, { input: { ...press.createRiskPoint.riskPoint, reason: '冲床已拆除报废，旧锻压车间改为实训教室' } });
  log('demo: 3 special equipment (5吨行车 overdue, boiler due, lift inspected), 1 risk point struck off (销号)');
}
