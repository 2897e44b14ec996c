import { PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EvidenceKind } from './evidence-enums';
import { HazardEvidenceEntity } from './evidence.entity';

@ObjectType('HazardEvidence', { description: '佐证材料：隐患或闭环步骤的照片、文件（经网关上传和下载）' })
export class HazardEvidence {
  @Field(() => ID)
  id: string;

  @Field(() => EvidenceKind, { description: '类别：整改前照片、整改后照片、文件' })
  kind: EvidenceKind;

  @Field({ description: '文件名' })
  filename: string;

  @Field({ description: 'MIME 类型（按文件内容识别）' })
  contentType: string;

  @Field(() => Int, { description: '文件大小（字节）' })
  size: number;

  @Field({ description: 'SHA-256 校验值（十六进制），下载时与 ETag 一致' })
  sha256: string;

  @Field({ description: '下载地址（网关上的路径，需携带登录令牌）' })
  downloadUrl: string;

  @Field(() => String, { nullable: true, description: '说明' })
  note: string | null;

  @Field({ description: '上传时间' })
  uploadedAt: Date;

  @Field(() => ID, { description: '上传账号' })
  uploadedByAccountId: string;

  @Field(() => PersonReference, { nullable: true, description: '上传人' })
  uploadedBy: PersonReference | null;

  @Field(() => Int, { nullable: true, description: '所附闭环步骤的序号（尚未用于任何步骤时为空）' })
  stepSeq: number | null;
}

/** Upload and download path, the same on the gateway and on hazard-tracking. */
export function evidenceDownloadPath(id: string): string {
  return `/evidence/${id}`;
}

export function toHazardEvidence(entity: HazardEvidenceEntity, stepSeq: number | null): HazardEvidence {
  return {
    id: entity.id,
    kind: entity.kind,
    filename: entity.filename,
    contentType: entity.contentType,
    size: entity.sizeBytes,
    sha256: entity.sha256,
    downloadUrl: evidenceDownloadPath(entity.id),
    note: entity.note,
    uploadedAt: entity.createdAt,
    uploadedByAccountId: entity.uploadedByAccountId,
    uploadedBy: personReference(entity.uploadedByPersonId),
    stepSeq,
  };
}
