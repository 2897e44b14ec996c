import { Reason } from '@campus/graphql';

/** Why an upload is refused before any record exists, with the HTTP status, code and reason it is answered with. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
    readonly reason: Reason = 'INVALID_INPUT',
  ) {
    super(`${message} (${code})`);
    this.name = 'UploadRefusedError';
  }
}

export function fileTooLarge(maxBytes: number): UploadRefusedError {
  return new UploadRefusedError(413, 'PAYLOAD_TOO_LARGE', `文件超过大小上限 ${formatBytes(maxBytes)}`, 'FILE_TOO_LARGE');
}

export function unsupportedType(message: string): UploadRefusedError {
  return new UploadRefusedError(415, 'UNSUPPORTED_MEDIA_TYPE', message, 'FILE_TYPE_REFUSED');
}

export function badUpload(message: string): UploadRefusedError {
  return new UploadRefusedError(400, 'BAD_USER_INPUT', message);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} 字节`;
}
