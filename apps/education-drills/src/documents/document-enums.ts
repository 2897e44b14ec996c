import { DOCX, FileType, JPEG, PDF, PNG, XLSX } from '@campus/files';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** What a document belongs to: a revision of an emergency plan, or a drill. */
export enum EducationDocumentOwnerKind {
  PLAN_REVISION = 'PLAN_REVISION',
  DRILL = 'DRILL',
}

export enum EducationDocumentKind {
  DOCUMENT = 'DOCUMENT',
  PHOTO = 'PHOTO',
}

export const OWNER_KIND_LABELS: Record<EducationDocumentOwnerKind, string> = {
  PLAN_REVISION: '应急预案修订',
  DRILL: '应急演练',
};

export const DOCUMENT_KIND_LABELS: Record<EducationDocumentKind, string> = {
  DOCUMENT: '文件',
  PHOTO: '照片',
};

const PHOTO_TYPES: readonly FileType[] = [JPEG, PNG];
/** A plan's text, a drill's script or sign-in sheet: PDF, Word, Excel, or a scan as JPEG/PNG. */
const DOCUMENT_TYPES: readonly FileType[] = [PDF, DOCX, XLSX, JPEG, PNG];

export function typesAllowedFor(kind: EducationDocumentKind): readonly FileType[] {
  return kind === EducationDocumentKind.PHOTO ? PHOTO_TYPES : DOCUMENT_TYPES;
}

export function isOwnerKind(value: unknown): value is EducationDocumentOwnerKind {
  return typeof value === 'string' && (Object.values(EducationDocumentOwnerKind) as string[]).includes(value);
}

export function isDocumentKind(value: unknown): value is EducationDocumentKind {
  return typeof value === 'string' && (Object.values(EducationDocumentKind) as string[]).includes(value);
}

registerEnumType(EducationDocumentOwnerKind, {
  name: 'EducationDocumentOwnerKind',
  description: '文件所属：应急预案修订或应急演练',
  valuesConfig: describedBy(OWNER_KIND_LABELS),
});

registerEnumType(EducationDocumentKind, {
  name: 'EducationDocumentKind',
  description: '文件类别：文件或照片',
  valuesConfig: describedBy(DOCUMENT_KIND_LABELS),
});
