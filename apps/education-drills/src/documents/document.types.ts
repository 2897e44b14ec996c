import { PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';
import { EducationDocumentEntity } from './document.entity';

@ObjectType('EducationDocument', { description: '应急预案修订或应急演练的文件、照片（经网关上传和下载）' })
export class EducationDocument {
  @Field(() => ID)
  id: string;

  @Field(() => EducationDocumentOwnerKind, { description: '所属：应急预案修订或应急演练' })
  ownerKind: EducationDocumentOwnerKind;

  @Field(() => ID, { description: '所属修订或演练的 ID' })
  ownerId: string;

  @Field(() => EducationDocumentKind, { description: '类别：文件或照片' })
  kind: EducationDocumentKind;

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
}

/** Download path on the gateway (education-drills serves it as /documents/<id>). */
export function educationDocumentPath(id: string): string {
  return `/education-documents/${id}`;
}

export function toEducationDocument(entity: EducationDocumentEntity): EducationDocument {
  return {
    id: entity.id,
    ownerKind: entity.ownerKind,
    ownerId: entity.ownerId,
    kind: entity.kind,
    filename: entity.filename,
    contentType: entity.contentType,
    size: entity.sizeBytes,
    sha256: entity.sha256,
    downloadUrl: educationDocumentPath(entity.id),
    note: entity.note,
    uploadedAt: entity.createdAt,
    uploadedByAccountId: entity.uploadedByAccountId,
    uploadedBy: personReference(entity.uploadedByPersonId),
  };
}
