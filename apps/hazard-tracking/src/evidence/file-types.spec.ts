import { cleanFilename, DOCX, JPEG, officeTypeOfZipTail, PDF, PNG, sampleDocx, sampleJpeg, samplePdf, samplePng, sniffHead, storedZip, WEBP, XLSX } from '@campus/files';
import { EvidenceKind, typesAllowedFor } from './evidence-enums';

describe('evidence file types', () => {
  it('recognises each allowed type by its magic bytes', () => {
    expect(sniffHead(sampleJpeg())).toBe(JPEG);
    expect(sniffHead(samplePng())).toBe(PNG);
    expect(sniffHead(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(WEBP);
    expect(sniffHead(samplePdf())).toBe(PDF);
    expect(sniffHead(sampleDocx())).toBe('ZIP');
  });

  it('recognises nothing else, whatever the name or declared type would say', () => {
    expect(sniffHead(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'))).toBeNull(); // a Windows .exe
    expect(sniffHead(Buffer.from('这是一段纯文本，不是图片', 'utf8'))).toBeNull();
    expect(sniffHead(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffHead(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull(); // RIFF, but audio
    expect(sniffHead(Buffer.from([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
  });

  it('tells Word and Excel documents from other zips by their central directory', () => {
    expect(officeTypeOfZipTail(sampleDocx())).toBe(DOCX);
    expect(officeTypeOfZipTail(storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe(XLSX);
    expect(officeTypeOfZipTail(storedZip({ 'readme.txt': 'hello', 'payload.exe': 'MZ' }))).toBeNull();
    expect(officeTypeOfZipTail(storedZip({ 'word/document.xml': '<w:document/>' }))).toBeNull(); // no [Content_Types].xml
    const truncated = sampleDocx();
    expect(officeTypeOfZipTail(truncated.subarray(0, truncated.length - 22))).toBeNull(); // no end of central directory
  });

  it('allows only images for photos and every allowed type for documents', () => {
    expect(typesAllowedFor(EvidenceKind.BEFORE_PHOTO)).toEqual([JPEG, PNG, WEBP]);
    expect(typesAllowedFor(EvidenceKind.AFTER_PHOTO)).toEqual([JPEG, PNG, WEBP]);
    expect(typesAllowedFor(EvidenceKind.DOCUMENT)).toEqual([JPEG, PNG, WEBP, PDF, DOCX, XLSX]);
  });

  it('cleans filenames: no directories or control characters, an extension matching the content', () => {
    expect(cleanFilename('整改后-灭火器.JPG', JPEG)).toBe('整改后-灭火器.JPG');
    expect(cleanFilename('C:\\Users\\张三\\现场.jpeg', JPEG)).toBe('现场.jpeg');
    expect(cleanFilename('../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(cleanFilename('报告"\u0000\n.pdf', PDF)).toBe('报告.pdf');
    expect(cleanFilename('木马.exe', PNG)).toBe('木马.exe.png');
    expect(cleanFilename(undefined, DOCX)).toBe('佐证材料.docx');
    const long = cleanFilename(`${'长'.repeat(300)}.xlsx`, XLSX);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
