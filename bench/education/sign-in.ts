import { GraphQLClient } from '@campus/testing';
import ExcelJS from 'exceljs';
import { Connection } from 'mysql2/promise';
import { sqlTime } from '../hazards/loader';
import { Statement } from '../hazards/service-statement';
import { DAY } from './people';

/** A 签到表 as a school's office fills it in: 人员编号 and 姓名 of each attendee, one row each. */
export async function signInSheet(people: { id: string; name: string }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('签到表');
  sheet.addRow(['人员编号', '姓名']);
  for (const person of people) sheet.addRow([person.id, person.name]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const CREATE = `mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }`;
const IMPORT = `mutation($input: ImportEducationAttendanceInput!) {
  importEducationAttendance(input: $input) { imported totalRows recorded alreadyRecorded durationMs rejectedRows { row reasons } } }`;

export interface ImportAnswer {
  imported: boolean;
  totalRows: number;
  recorded: number;
  alreadyRecorded: number;
  durationMs: number;
  rejectedRows: { row: number; reasons: string[] }[];
}

/**
 * A fresh activity of the unit for each import, dated a month before the measured year so the imports
 * leave the coverage figures alone.
 */
export async function createActivity(client: GraphQLClient, unitId: string, before: string, n: number): Promise<string> {
  const startsAt = new Date(Date.parse(`${before}T10:00:00+08:00`) - 30 * DAY - n * 3_600_000);
  const data = await client.data<{ createEducationActivity: { educationActivity: { id: string } } }>(CREATE, {
    input: {
      orgUnitId: unitId,
      title: `基准测试：消防安全专题讲座 ${n}`,
      kind: 'LECTURE',
      topics: ['FIRE'],
      audienceKinds: ['STAFF', 'STUDENT', 'CONTRACTOR'],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    },
  });
  return data.createEducationActivity.educationActivity.id;
}

export async function importSheet(client: GraphQLClient, activityId: string, contentBase64: string): Promise<ImportAnswer> {
  const data = await client.data<{ importEducationAttendance: ImportAnswer }>(IMPORT, { input: { activityId, contentBase64 } });
  return data.importEducationAttendance;
}

/**
 * The import's floor on MariaDB: the statements it cannot do without — the people by id, the existing
 * attendance of the activity, the 5,000 inserts in chunks of 1,000 — in a transaction rolled back.
 */
export async function importFloor(connection: Connection, activityId: string, people: { id: string }[]): Promise<void> {
  const ids = people.map((person) => person.id);
  await connection.beginTransaction();
  try {
    await connection.query('SELECT id FROM education_activity WHERE id = ? FOR UPDATE', [activityId]);
    for (let start = 0; start < ids.length; start += 1000) {
      const part = ids.slice(start, start + 1000);
      await connection.query('SELECT id, name, kind, org_unit_id, org_path, active FROM person_projection WHERE id IN (?)', [part]);
      await connection.query('SELECT person_id FROM education_attendance WHERE activity_id = ? AND person_id IN (?)', [activityId, part]);
    }
    const now = sqlTime(Date.now());
    for (let start = 0; start < ids.length; start += 1000) {
      const part = ids.slice(start, start + 1000);
      const statement: Statement = {
        sql: `INSERT INTO education_attendance (activity_id, person_id, person_org_unit_id, person_org_path, held_at, method, recorded_at, recorded_by)
              SELECT ?, id, org_unit_id, org_path, ?, 'IMPORT', ?, 'bench' FROM person_projection WHERE id IN (?)`,
        params: [activityId, now, now, part],
      };
      await connection.query(statement.sql, statement.params);
    }
  } finally {
    await connection.rollback();
  }
}
