import { createDecoder, createEncoder, readString } from './primitives';

/** FindCoordinator v2 request: key_type 0 = group, 1 = transaction. */
export interface FindCoordinatorRequest {
  key: string;
  keyType: number;
}

export interface FindCoordinatorResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

export function decodeFindCoordinatorRequest(body: Buffer): FindCoordinatorRequest {
  const decoder = createDecoder(body);
  return { key: readString(decoder), keyType: decoder.readInt8() };
}

/** FindCoordinator v2 response: throttle, error, error message, node id, host, port. */
export function encodeFindCoordinatorResponse(response: FindCoordinatorResponse): Buffer {
  return createEncoder()
    .writeInt32(response.throttleTimeMs)
    .writeInt16(response.errorCode)
    .writeString(response.errorMessage)
    .writeInt32(response.nodeId)
    .writeString(response.host)
    .writeInt32(response.port).buffer;
}
