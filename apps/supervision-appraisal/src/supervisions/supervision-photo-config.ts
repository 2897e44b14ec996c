import { ConfigOf } from '@campus/config';
import { FileStoreSettings, fileStoreSettings, fileStoreVariables } from '@campus/files';

/** supervision-appraisal's variables for finding photos (SUPERVISION_PHOTOS_STORE, _DIR, _MAX_BYTES, S3_*). */
export function supervisionPhotoVariables() {
  return fileStoreVariables({
    prefix: 'SUPERVISION_PHOTOS',
    files: 'supervision finding photos',
    file: 'supervision finding photo',
    defaultDir: '.data/supervision-photos',
    defaultMaxBytes: 20 * 1024 * 1024,
  });
}

/** Checks the combination (s3 needs a bucket and keys) and says how to build the store. */
export function supervisionPhotoSettings(config: ConfigOf<ReturnType<typeof supervisionPhotoVariables>>): FileStoreSettings {
  return fileStoreSettings('SUPERVISION_PHOTOS', config);
}
