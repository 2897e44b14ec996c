import { createDecoder } from './primitives';

/** Request header v1: api key, api version, correlation id, nullable client id. */
export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

export interface DecodedRequest {
  header: RequestHeader;
  /** The API-specific request body that follows the header. */
  body: Buffer;
}

/** Splits one request frame (without its size prefix) into header v1 and body. */
export function decodeRequestHeader(frame: Buffer): DecodedRequest {
  const decoder = createDecoder(frame);
  const header: RequestHeader = {
    apiKey: decoder.readInt16(),
    apiVersion: decoder.readInt16(),
    correlationId: decoder.readInt32(),
    clientId: decoder.readString(),
  };
  return { header, body: frame.subarray(decoder.offset) };
}
