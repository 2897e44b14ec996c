/** The kinds of file an upload may be, recognised by their content (magic bytes), never by name or declared type. */
export interface FileType {
  contentType: string;
  extensions: string[];
  label: string;
  image: boolean;
}

export const JPEG: FileType = { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG', image: true };
export const PNG: FileType = { contentType: 'image/png', extensions: ['.png'], label: 'PNG', image: true };
export const WEBP: FileType = { contentType: 'image/webp', extensions: ['.webp'], label: 'WebP', image: true };
export const PDF: FileType = { contentType: 'application/pdf', extensions: ['.pdf'], label: 'PDF', image: false };
export const DOCX: FileType = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['.docx'],
  label: 'Word',
  image: false,
};
export const XLSX: FileType = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['.xlsx'],
  label: 'Excel',
  image: false,
};

export const FILE_TYPES: readonly FileType[] = [JPEG, PNG, WEBP, PDF, DOCX, XLSX];

/** Bytes of the head needed to recognise every type (WebP: "RIFF" size "WEBP"). */
export const HEAD_BYTES = 12;
/** Bytes kept from the end of a zip: its central directory, which names every entry, lies there. */
export const ZIP_TAIL_BYTES = 256 * 1024;

/** What the head says: a type, a zip whose Office flavour its tail will tell, or nothing allowed. */
export type HeadVerdict = FileType | 'ZIP' | null;

export function sniffHead(head: Buffer): HeadVerdict {
  const starts = (bytes: number[], offset = 0) => bytes.every((byte, index) => head[offset + index] === byte);
  if (starts([0xff, 0xd8, 0xff])) return JPEG;
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return WEBP;
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'ZIP';
  return null;
}

/**
 * An Office Open XML document is a zip whose central directory (at its end) has an end record and names
 * [Content_Types].xml and the main part: word/document.xml or xl/workbook.xml. Other zips are refused.
 */
export function officeTypeOfZipTail(tail: Buffer): FileType | null {
  const has = (text: string) => tail.includes(Buffer.from(text, 'latin1'));
  if (!has('PK\x05\x06') || !has('[Content_Types].xml')) return null;
  if (has('word/document.xml')) return DOCX;
  if (has('xl/workbook.xml')) return XLSX;
  return null;
}

/** The image types of FILE_TYPES: what a photo may be. */
export const IMAGE_TYPES: readonly FileType[] = FILE_TYPES.filter((type) => type.image);

export function describeTypes(types: readonly FileType[]): string {
  return types.map((type) => type.label).join('、');
}

/**
 * A filename safe to store and to send back in content-disposition: no directories, no control
 * characters, at most 200 characters, and an extension that matches the content.
 */
export function cleanFilename(raw: string | undefined, type: FileType, fallbackName = '佐证材料'): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  let name = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (!type.extensions.includes(extension)) name = `${name || fallbackName}${type.extensions[0]}`;
  if (name.length > 200) name = name.slice(0, 200 - type.extensions[0].length) + type.extensions[0];
  return name;
}
