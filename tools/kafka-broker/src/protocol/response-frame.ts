/** Response header v0: INT32 size (of what follows), INT32 correlation id, then the response body. */
export function frameResponse(correlationId: number, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 4, 0);
  head.writeInt32BE(correlationId, 4);
  return Buffer.concat([head, body]);
}
