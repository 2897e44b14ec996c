import { StoredFileFields, storedFileFields } from '@campus/files';
import { Field, Int, ObjectType } from 'type-graphql';
import { EvidenceKind } from './evidence-enums';
import { HazardEvidenceEntity } from './evidence.entity';

@ObjectType('HazardEvidence', { description: '佐证材料：隐患或闭环步骤的照片、文件（经网关上传和下载）' })
export class HazardEvidence extends StoredFileFields {
  @Field(() => EvidenceKind, { description: '类别：整改前照片、整改后照片、文件' })
  kind: EvidenceKind;

  @Field(() => Int, { nullable: true, description: '所附闭环步骤的序号（尚未用于任何步骤时为空）' })
  stepSeq: number | null;
}

/** Upload and download path, the same on the gateway and on hazard-tracking. */
export function evidenceDownloadPath(id: string): string {
  return `/evidence/${id}`;
}

export function toHazardEvidence(entity: HazardEvidenceEntity, stepSeq: number | null): HazardEvidence {
  return {
    ...storedFileFields(entity, evidenceDownloadPath(entity.id)),
    kind: entity.kind,
    stepSeq,
  };
}
