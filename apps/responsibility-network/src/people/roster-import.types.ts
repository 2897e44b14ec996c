import { IsBase64, Length } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RosterFileFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

registerEnumType(RosterFileFormat, {
  name: 'RosterFileFormat',
  description: '花名册文件格式',
  valuesConfig: { XLSX: { description: 'Excel 工作簿 (.xlsx)' }, CSV: { description: 'CSV（UTF-8）' } },
});

@InputType({ description: '花名册导入：第一行为表头 姓名、类别、单位代码、工号/学号、职务、手机号' })
export class ImportRosterInput {
  @Field(() => RosterFileFormat)
  format: RosterFileFormat;

  @Field({ description: '文件内容，Base64 编码，最大约 15 MB' })
  @IsBase64({}, { message: '文件内容应为 Base64 编码' })
  @Length(1, 20_000_000, { message: '文件过大' })
  contentBase64: string;

  @Field({ defaultValue: false, description: '只校验不导入' })
  dryRun: boolean;
}

@ObjectType({ description: '被拒绝的行及原因' })
export class RosterRowProblem {
  @Field(() => Int, { description: '文件中的行号（表头为第 1 行）' })
  row: number;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType({ description: '花名册导入结果；有任何一行被拒绝时整批不导入' })
export class RosterImportReport {
  @Field({ description: '是否已导入' })
  imported: boolean;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int, { description: '新增人员数' })
  created: number;

  @Field(() => Int, { description: '按工号/学号匹配并更新的人员数' })
  updated: number;

  @Field(() => [RosterRowProblem])
  rejectedRows: RosterRowProblem[];

  @Field(() => Int)
  durationMs: number;
}
