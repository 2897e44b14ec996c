import { StoredFileFields, storedFileFields } from '@campus/files';
import { Field, ID, ObjectType } from 'type-graphql';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';
import { EducationDocumentEntity } from './document.entity';

@ObjectType('EducationDocument', { description: '应急预案修订或应急演练的文件、照片（经网关上传和下载）' })
export class EducationDocument extends StoredFileFields {
  @Field(() => EducationDocumentOwnerKind, { description: '所属：应急预案修订或应急演练' })
  ownerKind: EducationDocumentOwnerKind;

  @Field(() => ID, { description: '所属修订或演练的 ID' })
  ownerId: string;

  @Field(() => EducationDocumentKind, { description: '类别：文件或照片' })
  kind: EducationDocumentKind;
}

/** Download path on the gateway (education-drills serves it as /documents/<id>). */
export function educationDocumentPath(id: string): string {
  return `/education-documents/${id}`;
}

export function toEducationDocument(entity: EducationDocumentEntity): EducationDocument {
  return {
    ...storedFileFields(entity, educationDocumentPath(entity.id)),
    ownerKind: entity.ownerKind,
    ownerId: entity.ownerId,
    kind: entity.kind,
  };
}
