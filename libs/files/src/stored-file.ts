import { ASCII_ID, ScopedRecord } from '@campus/database';
import { PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Readable } from 'node:stream';
import { Column } from 'typeorm';
import { FileStore } from './file-store';
import { FileType } from './file-types';
import { InspectedFile, storeInspected } from './upload-inspector';

/**
 * The columns of every stored upload (hazard evidence, education documents, finding photos): the file lives
 * in a store under storageKey; created_at is when the upload completed; scoped like what it belongs to.
 */
export abstract class StoredFileRecord extends ScopedRecord {
  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  /** Hex SHA-256 of the content, computed while it was uploaded. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  storageKey: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'uploaded_by_account_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  uploadedByAccountId: string;

  @Column({ name: 'uploaded_by_person_id', ...ASCII_ID, nullable: true })
  uploadedByPersonId: string | null;
}

/** The GraphQL fields every stored upload shows; each kind of upload is its own type extending these. */
@ObjectType()
export abstract class StoredFileFields {
  @Field(() => ID)
  id: string;

  @Field({ description: '文件名' })
  filename: string;

  @Field({ description: 'MIME 类型（按文件内容识别）' })
  contentType: string;

  @Field(() => Int, { description: '文件大小（字节）' })
  size: number;

  @Field({ description: 'SHA-256 校验值（十六进制），下载时与 ETag 一致' })
  sha256: string;

  @Field({ description: '下载地址（网关上的路径，需携带登录令牌）' })
  downloadUrl: string;

  @Field(() => String, { nullable: true, description: '说明' })
  note: string | null;

  @Field({ description: '上传时间' })
  uploadedAt: Date;

  @Field(() => ID, { description: '上传账号' })
  uploadedByAccountId: string;

  @Field(() => PersonReference, { nullable: true, description: '上传人' })
  uploadedBy: PersonReference | null;
}

/** The common fields of a stored upload, its download at `downloadUrl` (a path on the gateway). */
export function storedFileFields(record: StoredFileRecord, downloadUrl: string): StoredFileFields {
  return {
    id: record.id,
    filename: record.filename,
    contentType: record.contentType,
    size: record.sizeBytes,
    sha256: record.sha256,
    downloadUrl,
    note: record.note,
    uploadedAt: record.createdAt,
    uploadedByAccountId: record.uploadedByAccountId,
    uploadedBy: personReference(record.uploadedByPersonId),
  };
}

/** What a stored upload's record says of the file and who sent it (the kind of record adds its owner and scope). */
export function storedFileColumns(
  file: InspectedFile,
  upload: { storageKey: string; filename: string; note: string | null },
  uploader: { accountId: string; personId: string | null },
): Pick<StoredFileRecord, 'filename' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey' | 'note' | 'uploadedByAccountId' | 'uploadedByPersonId'> {
  return {
    filename: upload.filename,
    contentType: file.type.contentType,
    sizeBytes: file.size,
    sha256: file.sha256,
    storageKey: upload.storageKey,
    note: upload.note,
    uploadedByAccountId: uploader.accountId,
    uploadedByPersonId: uploader.personId,
  };
}

/**
 * File first, record second: streams the upload through the inspector into the store under `key`, then
 * records it with `record` (which checks its owner again); when recording fails the file is deleted, so a
 * refusal leaves nothing behind (a crash in between leaves at worst an unreferenced file).
 */
export async function storeThenRecord<T>(
  store: FileStore,
  key: string,
  content: Readable,
  limits: { allowed: readonly FileType[]; maxBytes: number },
  record: (file: InspectedFile) => Promise<T>,
): Promise<T> {
  const file = await storeInspected(store, key, content, limits.allowed, limits.maxBytes);
  try {
    return await record(file);
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}
