import { Viewer } from '@campus/auth';
import { FileStore, sampleJpeg } from '@campus/files';
import { LoaderRegistry } from '@campus/graphql';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { EvidenceKind } from './evidence-enums';
import { EvidenceService } from './evidence.service';
import { HazardEvidence } from './evidence.types';

/**
 * Uploads a file as a viewer through the real service (checks, store, row), as the HTTP endpoint does:
 * for tests that need evidence to exist, e.g. to cite it in a step of the loop.
 */
export function uploadTestEvidence(
  dataSource: DataSource,
  store: FileStore,
  viewer: Viewer,
  hazardId: string,
  options: { kind?: EvidenceKind; content?: Buffer; filename?: string } = {},
): Promise<HazardEvidence> {
  const service = new EvidenceService(dataSource, store, { maxBytes: 20 * 1024 * 1024 });
  const kind = options.kind ?? EvidenceKind.AFTER_PHOTO;
  const upload = { hazardId, kind, note: null, filename: options.filename ?? 'photo.jpg' };
  const caller = { viewer, token: '', requestId: 'evidence-test', loaders: new LoaderRegistry() };
  return service.upload(caller, upload, Readable.from([options.content ?? sampleJpeg()]));
}
