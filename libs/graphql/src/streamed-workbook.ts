import type { Row, stream, Worksheet } from 'exceljs';
import { exceljs } from './excel';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { setTimeout as pause } from 'node:timers/promises';

/** How long a streamed export may hold the event loop before it pauses as long, letting other requests run. */
const TURN_MS = 2;

/**
 * A workbook written into `out` as its rows are committed (exceljs' streaming writer, inline strings): never
 * held whole. Deflated at level 1: the files are small, and the default level costs the CPU requests beside
 * the export need, for a few percent of size.
 */
export function streamedWorkbook(out: Writable): StreamedWorkbook {
  return new StreamedWorkbook(new (exceljs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } }));
}

/**
 * A streamed workbook written at most half the time: building a row's XML is synchronous, and a service
 * answers every request on one event loop, so an export that wrote thousands of rows at a stretch would hold
 * every other request of its service behind it, and take a whole core from them besides. `commitRow` pauses
 * for TURN_MS whenever it has written for TURN_MS: a download is not hurried (2,000 appraisals take about a
 * second instead of half), the dashboards beside it are.
 */
export class StreamedWorkbook {
  private turnStartedAt = performance.now();

  constructor(readonly writer: stream.xlsx.WorkbookWriter) {}

  addWorksheet(name: string): Worksheet {
    return this.writer.addWorksheet(name);
  }

  /** Adds and commits a row, then pauses for TURN_MS if this export has written for TURN_MS since it last did. */
  async commitRow(sheet: Worksheet, values: unknown[], style?: (row: Row) => void): Promise<void> {
    const row = sheet.addRow(values);
    style?.(row);
    row.commit();
    if (performance.now() - this.turnStartedAt >= TURN_MS) {
      await pause(TURN_MS);
      this.turnStartedAt = performance.now();
    }
  }

  async commit(): Promise<void> {
    await this.writer.commit();
  }
}
