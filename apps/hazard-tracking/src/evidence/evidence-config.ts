import { ConfigOf } from '@campus/config';
import { FileStoreSettings, fileStoreSettings, fileStoreVariables } from '@campus/files';

/** hazard-tracking's variables for evidence files (EVIDENCE_STORE, EVIDENCE_DIR, EVIDENCE_MAX_BYTES, S3_*), validated with the others at start. */
export function evidenceVariables() {
  return fileStoreVariables({
    prefix: 'EVIDENCE',
    files: 'evidence files',
    file: 'evidence file',
    defaultDir: '.data/evidence',
    defaultMaxBytes: 20 * 1024 * 1024,
  });
}

export type EvidenceSettings = FileStoreSettings;

/** Checks the combination (s3 needs a bucket and keys) and says how to build the store. */
export function evidenceSettings(config: ConfigOf<ReturnType<typeof evidenceVariables>>): EvidenceSettings {
  return fileStoreSettings('EVIDENCE', config);
}
