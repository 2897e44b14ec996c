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

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: '佐证材料类别',
  valuesConfig: describedBy(EVIDENCE_KIND_LABELS),
});
