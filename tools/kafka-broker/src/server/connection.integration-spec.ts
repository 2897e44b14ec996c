import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import buildFetchV11 from 'kafkajs/src/protocol/requests/fetch/v11/request';
import buildMetadataV6 from 'kafkajs/src/protocol/requests/metadata/v6/request';
import { ApiKey, SUPPORTED_API_VERSIONS } from '../protocol/api-keys';
import { decodeFetchResponse } from '../protocol/fetch';
import { fixture } from '../protocol/fixtures';
import { createDecoder, createEncoder, readString } from '../protocol/primitives';
import { parseRecordBatchHeader } from '../protocol/record-batch';
import { FrameReader } from './frame-reader';
import { RunningBroker, startBroker } from './start-broker';

/** Raw-socket checks of the connection layer: framing, ordering, acks = 0, unknown APIs, long-poll. */

interface Response {
  correlationId: number;
  body: Buffer;
}

class RawClient {
  readonly responses: Response[] = [];
  closed = false;
  private readonly frames = new FrameReader();
  private readonly socket: net.Socket;
  private nextCorrelationId = 1;

  constructor(port: number, host = '127.0.0.1') {
    this.socket = net.connect(port, host);
    this.socket.on('data', (chunk: Buffer) => {
      for (const frame of this.frames.push(chunk)) this.responses.push({ correlationId: frame.readInt32BE(0), body: frame.subarray(4) });
    });
    this.socket.on('close', () => (this.closed = true));
    this.socket.on('error', () => undefined);
  }

  /** Frames a request (header v1, client id 'raw') and returns its correlation id. */
  send(apiKey: number, apiVersion: number, body: Buffer): number {
    const correlationId = this.nextCorrelationId++;
    const request = createEncoder().writeInt16(apiKey).writeInt16(apiVersion).writeInt32(correlationId).writeString('raw').writeBuffer(body).buffer;
    this.socket.write(Buffer.concat([createEncoder().writeInt32(request.length).buffer, request]));
    return correlationId;
  }

  async response(correlationId: number, timeoutMs = 5_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.responses.find((r) => r.correlationId === correlationId);
      if (found) return found.body;
      if (this.closed || Date.now() > deadline) throw new Error(`no response to ${correlationId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async waitClosed(timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket still open');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

let dataDir: string;
let broker: RunningBroker;
const clients: RawClient[] = [];

function client(host?: string): RawClient {
  const raw = new RawClient(broker.port, host);
  clients.push(raw);
  return raw;
}

function produceBody(topic: string, acks: number): Buffer {
  // The golden Produce v7 request, re-addressed to `topic` with the given acks.
  const golden = fixture('produce', 'v7_request');
  const decoder = createDecoder(golden);
  decoder.readString();
  decoder.readInt16();
  decoder.readInt32();
  decoder.readInt32();
  readString(decoder);
  const rest = golden.subarray(decoder.offset);
  return createEncoder().writeString(null).writeInt16(acks).writeInt32(30000).writeInt32(1).writeString(topic).writeBuffer(rest).buffer;
}

function metadataTopicErrors(body: Buffer): Record<string, number> {
  const decoder = createDecoder(body);
  decoder.readInt32();
  decoder.readArray((d) => [d.readInt32(), d.readString(), d.readInt32(), d.readString()]);
  decoder.readString();
  decoder.readInt32();
  const errors: Record<string, number> = {};
  decoder.readArray((d) => {
    const errorCode = d.readInt16();
    errors[readString(d)] = errorCode;
    d.readBoolean();
    d.readArray((p) => [p.readInt16(), p.readInt32(), p.readInt32(), p.readArray((r) => r.readInt32()), p.readArray((r) => r.readInt32()), p.readArray((r) => r.readInt32())]);
  });
  return errors;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kafka-broker-connection-'));
  broker = await startBroker({ port: 0, dataDir });
});

afterAll(async () => {
  for (const raw of clients) raw.close();
  await broker.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('broker connections', () => {
  it('answers ApiVersions v2 with the advertised table (throttle last) and an unknown version with 35 in the v0 layout', async () => {
    const raw = client();
    const v2 = createDecoder(await raw.response(raw.send(ApiKey.ApiVersions, 2, Buffer.alloc(0))));
    expect(v2.readInt16()).toBe(0);
    const table = v2.readArray((d) => ({ apiKey: d.readInt16(), minVersion: d.readInt16(), maxVersion: d.readInt16() }));
    expect(table).toEqual(SUPPORTED_API_VERSIONS);
    expect(v2.readInt32()).toBe(0);
    expect(v2.canReadBytes(1)).toBe(false);

    const v3 = createDecoder(await raw.response(raw.send(ApiKey.ApiVersions, 3, Buffer.alloc(0))));
    expect(v3.readInt16()).toBe(35);
    expect(v3.readArray((d) => d.readInt16() + d.readInt16() + d.readInt16())).toHaveLength(SUPPORTED_API_VERSIONS.length);
    expect(v3.canReadBytes(1)).toBe(false);
  });

  it('reaches the broker over IPv6 loopback too', async () => {
    const raw = client('::1');
    const body = await raw.response(raw.send(ApiKey.ApiVersions, 2, Buffer.alloc(0))).catch(() => null);
    // Hosts without IPv6 fall back to 127.0.0.1 only; everywhere else ::1 must work.
    if (body) expect(body.readInt16BE(0)).toBe(0);
  });

  it('answers pipelined requests in order and sends nothing for acks = 0', async () => {
    const raw = client();
    const created = await raw.response(raw.send(ApiKey.Metadata, 6, (await buildMetadataV6({ topics: ['pipelined'], allowAutoTopicCreation: true }).encode()).buffer));
    expect(metadataTopicErrors(created)).toEqual({ pipelined: 0 });

    const silent = raw.send(ApiKey.Produce, 7, produceBody('pipelined', 0));
    const acked = raw.send(ApiKey.Produce, 7, produceBody('pipelined', 1));
    const versions = raw.send(ApiKey.ApiVersions, 2, Buffer.alloc(0));
    await raw.response(versions);
    expect(raw.responses.map((r) => r.correlationId)).toEqual([1, acked, versions]);
    expect(raw.responses.some((r) => r.correlationId === silent)).toBe(false);
  });

  it('Metadata: 17 for an invalid name, 3 for an unknown topic when creation is not allowed', async () => {
    const raw = client();
    const invalid = await raw.response(raw.send(ApiKey.Metadata, 6, (await buildMetadataV6({ topics: ['bad name!'], allowAutoTopicCreation: true }).encode()).buffer));
    expect(metadataTopicErrors(invalid)).toEqual({ 'bad name!': 17 });
    const unknown = await raw.response(raw.send(ApiKey.Metadata, 6, (await buildMetadataV6({ topics: ['not-created'], allowAutoTopicCreation: false }).encode()).buffer));
    expect(metadataTopicErrors(unknown)).toEqual({ 'not-created': 3 });
  });

  it('closes the connection on an unknown API key or an unsupported version', async () => {
    const unknownKey = client();
    unknownKey.send(50, 0, Buffer.alloc(0));
    await unknownKey.waitClosed();
    expect(unknownKey.responses).toEqual([]);

    const oldProduce = client();
    oldProduce.send(ApiKey.Produce, 3, Buffer.alloc(0));
    await oldProduce.waitClosed();
    expect(oldProduce.responses).toEqual([]);
  });

  it('parks a Fetch until data arrives, holding later answers on that socket', async () => {
    const fetcher = client();
    const producer = client();
    await producer.response(producer.send(ApiKey.Metadata, 6, (await buildMetadataV6({ topics: ['long-poll'], allowAutoTopicCreation: true }).encode()).buffer));
    const fetchBody = (
      await buildFetchV11({
        replicaId: -1,
        maxWaitTime: 10_000,
        minBytes: 1,
        maxBytes: 1 << 20,
        topics: [{ topic: 'long-poll', partitions: [{ partition: 0, fetchOffset: '0', maxBytes: 1 << 20 }] }],
      }).encode()
    ).buffer;
    const started = Date.now();
    const parked = fetcher.send(ApiKey.Fetch, 11, fetchBody);
    const behind = fetcher.send(ApiKey.ApiVersions, 2, Buffer.alloc(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetcher.responses).toEqual([]);

    await producer.response(producer.send(ApiKey.Produce, 7, produceBody('long-poll', -1)));
    const fetched = decodeFetchResponse(await fetcher.response(parked));
    expect(Date.now() - started).toBeLessThan(5_000);
    const partition = fetched.topics[0].partitions[0];
    const batch = parseRecordBatchHeader(partition.records);
    const logEnd = BigInt(batch.lastOffsetDelta + 1);
    expect(partition).toMatchObject({ errorCode: 0, highWatermark: logEnd, lastStableOffset: logEnd, logStartOffset: 0n, preferredReadReplica: -1 });
    expect(batch.baseOffset).toBe(0n);
    await fetcher.response(behind);
    expect(fetcher.responses.map((r) => r.correlationId)).toEqual([parked, behind]);
  });
});
