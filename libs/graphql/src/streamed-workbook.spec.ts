import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { streamedWorkbook } from './streamed-workbook';

async function bytesOf(out: PassThrough): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of out) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('streamedWorkbook', () => {
  it('writes every committed row, and lets the event loop run while it writes many', async () => {
    const out = new PassThrough();
    const body = bytesOf(out);
    const workbook = streamedWorkbook(out);
    const sheet = workbook.addWorksheet('汇总');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    for (let index = 1; index <= 1_000; index++) {
      await workbook.commitRow(sheet, [index, `单位 ${index}`, index / 3], (row) => (row.getCell(3).numFmt = '0.00'));
    }
    sheet.commit();
    await workbook.commit();
    clearInterval(ticker);

    const read = new Workbook();
    await read.xlsx.load((await body) as never);
    const written = read.getWorksheet('汇总')!;
    expect(written.rowCount).toBe(1_000);
    expect(written.getRow(1_000).values).toEqual([undefined, 1_000, '单位 1000', 1_000 / 3]);
    expect(written.getRow(1).getCell(3).numFmt).toBe('0.00');
    // A timer of 1 ms fired during the writing: rows were written between turns of the loop, not in one stretch.
    expect(ticks).toBeGreaterThan(5);
  });
});
