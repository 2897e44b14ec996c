import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBase64, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AudienceKind } from '../people/audience-kind';
import { QuizQuestionKind } from './quiz-enums';

@InputType()
export class CreateQuizBankInput {
  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 100, { message: '题库名称长度应为 2–100 个字符' })
  name: string;

  @Field({ description: '主题，如 消防、交通、防电信诈骗、实验室安全' })
  @Length(1, 20, { message: '主题长度应为 1–20 个字符' })
  topic: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class AddQuizBankQuestionInput {
  @Field(() => ID)
  bankId: string;

  @Field(() => QuizQuestionKind)
  kind: QuizQuestionKind;

  @Field({ description: '题干' })
  stem: string;

  @Field(() => [String], { defaultValue: [], description: '选项内容，依次为 A、B、C…；判断题不填' })
  @ArrayMaxSize(6, { message: '选项最多 6 个' })
  options: string[];

  @Field({ description: '答案：选项字母（如 A、ACD），判断题为 正确 或 错误' })
  answer: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  explanation?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '从 Excel 导入题目：第一行为表头 题型、题干、选项A…选项F、答案、解析' })
export class ImportQuizQuestionsInput {
  @Field(() => ID)
  bankId: string;

  @Field({ description: '.xlsx 文件内容，Base64 编码' })
  @IsBase64({}, { message: '文件内容应为 Base64 编码' })
  @Length(1, 10_000_000, { message: '文件过大' })
  contentBase64: string;

  @Field({ defaultValue: false, description: '只校验不导入' })
  dryRun: boolean;
}

@InputType()
export class CreateQuizInput {
  @Field(() => ID, { description: '组织单位（须与题库同一单位或在其下级）' })
  orgUnitId: string;

  @Field(() => ID)
  bankId: string;

  @Field()
  @Length(2, 100, { message: '测验名称长度应为 2–100 个字符' })
  title: string;

  @Field(() => Int, { description: '从题库抽取的题目数' })
  @Min(1, { message: '题目数至少为 1' })
  @Max(200, { message: '题目数最多为 200' })
  questionCount: number;

  @Field(() => Int, { description: '及格分（百分制）' })
  @Min(1, { message: '及格分应为 1–100' })
  @Max(100, { message: '及格分应为 1–100' })
  passMark: number;

  @Field(() => Int, { description: '答题限时（分钟）' })
  @Min(1, { message: '限时至少 1 分钟' })
  @Max(240, { message: '限时最多 240 分钟' })
  timeLimitMinutes: number;

  @Field()
  opensAt: Date;

  @Field()
  closesAt: Date;

  @Field({ defaultValue: false })
  allowRetakes: boolean;

  @Field(() => [ID], { description: '参加单位（含其下级单位），须在组织单位之内' })
  @ArrayMinSize(1, { message: '至少选择一个参加单位' })
  @ArrayMaxSize(100, { message: '参加单位最多 100 个' })
  audienceUnitIds: string[];

  @Field(() => [AudienceKind], { description: '参加人员类别' })
  @ArrayMinSize(1, { message: '至少选择一类参加人员' })
  audienceKinds: AudienceKind[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class PublishQuizInput extends VersionedInput {}

@InputType()
export class StartQuizAttemptInput {
  @Field(() => ID)
  quizId: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class QuizAnswerInput {
  @Field(() => Int, { description: '题号' })
  seq: number;

  @Field(() => [String], { description: '所选选项字母；不选为空' })
  @ArrayMaxSize(6, { message: '所选选项最多 6 个' })
  choices: string[];
}

@InputType()
export class SubmitQuizAttemptInput {
  @Field(() => ID)
  attemptId: string;

  @Field(() => [QuizAnswerInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(200, { message: '答案最多 200 题' })
  answers: QuizAnswerInput[];
}
