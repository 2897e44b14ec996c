import { ConfigOf } from '@campus/config';
import { FileStoreSettings, fileStoreSettings, fileStoreVariables } from '@campus/files';

/** education-drills' variables for plan revision and drill documents (EDUCATION_DOCUMENTS_STORE, _DIR, _MAX_BYTES, S3_*). */
export function documentVariables() {
  return fileStoreVariables({
    prefix: 'EDUCATION_DOCUMENTS',
    files: 'emergency plan and drill documents',
    file: 'emergency plan or drill document',
    defaultDir: '.data/education-documents',
    defaultMaxBytes: 20 * 1024 * 1024,
  });
}

/** Checks the combination (s3 needs a bucket and keys) and says how to build the store. */
export function documentSettings(config: ConfigOf<ReturnType<typeof documentVariables>>): FileStoreSettings {
  return fileStoreSettings('EDUCATION_DOCUMENTS', config);
}
