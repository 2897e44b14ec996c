import { Directive, Field, ObjectType } from 'type-graphql';

/** A generated file (an Excel export) handed back inline; the gateway serves it as a download under /exports. */
@Directive('@shareable')
@ObjectType('ExportFile', { description: '导出文件（Base64 编码）' })
export class ExportFile {
  @Field({ description: '文件名' })
  filename: string;

  @Field({ description: 'MIME 类型' })
  contentType: string;

  @Field({ description: '文件内容，Base64 编码' })
  base64: string;
}
