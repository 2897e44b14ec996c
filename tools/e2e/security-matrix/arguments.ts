import {
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { Workbook } from 'exceljs';
import { calendarDateOf } from '@campus/graphql';
import { KnownObject } from './objects';
import { RootField } from './schema';
import { idTypeOf } from './id-types';

/** Where the arguments' ids come from: foreign objects of a type for the role, or (for BFLA) its own. */
export interface IdSource {
  /** An object of the type for the id named `name` (an argument or input field). */
  pick(type: string, name: string): KnownObject | undefined;
}

export interface BuiltCall {
  query: string;
  variables: Record<string, unknown>;
  /** The foreign ids the call names (a call naming none tests nothing about scope). */
  namedIds: string[];
  /** Id arguments whose type no rule names (add a stem to id-types.ts). */
  unresolved: string[];
  /** Required ids for which no object of the type could be chosen. */
  missing: string[];
}

const TODAY = calendarDateOf(new Date());
const IN_A_MONTH = calendarDateOf(new Date(Date.now() + 30 * 24 * 3600_000));
/** Dates that must lie ahead (a window's end, a next review) get a month from now; the others today. */
const LATER = /^(to|until)$|next|due|close|end|deadline|review/i;

/** Excel workbooks for `contentBase64`: imports read a real file (quiz questions; an attendance sheet). */
let workbookBase64 = '';

async function sheetBase64(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export async function prepareFiles(): Promise<void> {
  workbookBase64 = await sheetBase64([
    ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析'],
    ['单选', '发现火情，应立即拨打的火警电话是', '110', '119', '120', '122', 'B', ''],
    ['判断', '安全出口、疏散通道应保持畅通，不得上锁或堆放杂物', '', '', '', '', '正确', ''],
  ]);
  VALID_VALUES['ImportEducationAttendanceInput.contentBase64'] = await sheetBase64([['人员编号'], ['P-MATRIX-1']]);
}

/** Input fields whose schema-derived dummy would be refused for a reason other than scope (type.field → value; null: left out). */
const VALID_VALUES: Record<string, unknown> = {
  'RiskAssessmentInput.severity': 1,
  'IndicatorInput.kind': 'MANUAL',
  'CreateWorkGroupInput.kind': 'SUPERVISION_GROUP',
  'AddQuizBankQuestionInput.options': ['甲', '乙'],
  'AddQuizBankQuestionInput.answer': 'A',
  // A task inspects a grid or a place, not both.
  'CreateInspectionTaskInput.placeId': null,
  // A dispute has at least two parties (outsiders need only a side and a name).
  'RegisterDisputeInput.parties': [
    { side: 'PARENT', name: '矩阵测试家长甲' },
    { side: 'PARENT', name: '矩阵测试家长乙' },
  ],
  // A robot posts to an allowed messaging host only (NOTIFICATION_WEBHOOK_HOSTS' default).
  'RegisterNotificationRobotInput.url': 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=security-matrix',
};

/**
 * Arguments for one root field, built from the schema: ids (arguments and input fields ending in Id/Ids)
 * from the source, required scalars as valid dummies, enums' first value, connections `first: 5`.
 * `withOptionalIds` also fills optional id fields (a filter's orgUnitId …) that the source can fill.
 */
export function buildCall(schema: GraphQLSchema, root: RootField, context: string | null, ids: IdSource, withOptionalIds: boolean, selection: string): BuiltCall {
  const built: BuiltCall = { query: '', variables: {}, namedIds: [], unresolved: [], missing: [] };
  const definitions: string[] = [];
  const uses: string[] = [];
  const versions: Record<string, number | undefined> = {};
  for (const arg of root.field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const value =
      arg.name === 'first'
        ? 5
        : valueOf(schema, arg.type, arg.name, required, { context, ids, withOptionalIds, built, path: arg.name, versions });
    if (value === undefined) continue;
    definitions.push(`$${arg.name}: ${String(arg.type)}`);
    uses.push(`${arg.name}: $${arg.name}`);
    built.variables[arg.name] = value;
  }
  const keyword = root.kind === 'query' ? 'query' : 'mutation';
  const head = definitions.length ? `${keyword} SecurityMatrix(${definitions.join(', ')})` : `${keyword} SecurityMatrix`;
  built.query = `${head} { ${root.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection} }`;
  return built;
}

interface Walk {
  context: string | null;
  ids: IdSource;
  withOptionalIds: boolean;
  built: BuiltCall;
  path: string;
  versions: Record<string, number | undefined>;
}

function valueOf(schema: GraphQLSchema, type: GraphQLInputType, name: string, required: boolean, walk: Walk): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  const named = getNamedType(type);
  if (named.name === 'ID') {
    if (!required && !walk.withOptionalIds) return undefined;
    const idType = idTypeOf(schema, name, walk.context);
    if (!idType) {
      if (required) walk.built.unresolved.push(walk.path);
      return undefined;
    }
    const object = walk.ids.pick(idType, name);
    if (!object) {
      if (required) walk.built.missing.push(`${walk.path} (${idType})`);
      return required ? '00000000000000000000000000000000' : undefined;
    }
    walk.built.namedIds.push(object.id);
    const owner = walk.path.replace(/\.[^.]*$/, '');
    if (name === 'id') walk.versions[owner] = object.version;
    else walk.versions[owner] ??= object.version;
    return isListType(inner) ? [object.id] : object.id;
  }
  if (!required) return undefined;
  if (isListType(inner)) {
    const item = valueOf(schema, inner.ofType as GraphQLInputType, name, true, walk);
    return item === undefined ? [] : [item];
  }
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const object: Record<string, unknown> = {};
    const path = walk.path;
    for (const field of Object.values(named.getFields())) {
      const fieldRequired = isNonNullType(field.type) && field.defaultValue === undefined;
      if (field.name === 'version') continue;
      const key = `${named.name}.${field.name}`;
      if (key in VALID_VALUES) {
        if (VALID_VALUES[key] !== null) object[field.name] = VALID_VALUES[key];
        continue;
      }
      const value = valueOf(schema, field.type, field.name, fieldRequired, { ...walk, path: `${path}.${field.name}` });
      if (value !== undefined) object[field.name] = value;
    }
    if ('version' in named.getFields()) object.version = walk.versions[path] ?? 1;
    return object;
  }
  return scalarOf(named.name, name);
}

function scalarOf(scalar: string, name: string): unknown {
  switch (scalar) {
    case 'Int':
      if (name === 'year' || /Year$/.test(name)) return Number(TODAY.slice(0, 4));
      if (name === 'weight') return 100;
      return 1;
    case 'Float':
      return name === 'weight' ? 100 : 1;
    case 'Boolean':
      return false;
    case 'CalendarDate':
      return LATER.test(name) ? IN_A_MONTH : TODAY;
    case 'DateTimeISO':
      return new Date(Date.now() + (LATER.test(name) ? 30 * 24 * 3600_000 : 0)).toISOString();
    default:
      if (/phone/i.test(name)) return '13900000000';
      if (/^(start|end)$/.test(name)) return '08:00';
      if (name === 'from') return `${TODAY.slice(0, 7)}-01`;
      if (name === 'to') return lastDayOfMonth(TODAY);
      if (name === 'period') return TODAY.slice(0, 4);
      if (name === 'contentBase64') return workbookBase64;
      if (name === 'username') return 'matrix.intruder';
      if (name === 'password') return 'Matrix@2026-intruder';
      if (name === 'code') return 'MATRIX-1';
      return '安全测试：越权访问矩阵的输入';
  }
}

function lastDayOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return calendarDateOf(new Date(Date.UTC(year, month, 0, 12)));
}
