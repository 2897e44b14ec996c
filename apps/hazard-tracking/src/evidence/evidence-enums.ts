import { FILE_TYPES, FileType, IMAGE_TYPES } from '@campus/files';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum EvidenceKind {
  BEFORE_PHOTO = 'BEFORE_PHOTO',
  AFTER_PHOTO = 'AFTER_PHOTO',
  DOCUMENT = 'DOCUMENT',
}

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  BEFORE_PHOTO: '整改前照片',
  AFTER_PHOTO: '整改后照片',
  DOCUMENT: '文件',
};

export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === 'string' && (Object.values(EvidenceKind) as string[]).includes(value);
}

/** Photos are images; documents may be any allowed type (a scanned page is a photo too). */
export function typesAllowedFor(kind: EvidenceKind): readonly FileType[] {
  return kind === EvidenceKind.DOCUMENT ? FILE_TYPES : IMAGE_TYPES;
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: '佐证材料类别',
  valuesConfig: describedBy(EVIDENCE_KIND_LABELS),
});
