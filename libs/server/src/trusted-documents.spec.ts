import { createLogger } from '@campus/logger';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createHttpApp } from './http';
import { graphqlJsonBody } from './json-body';
import { documentId, parseTrustedDocuments, TrustedDocumentManifest, trustedDocumentsOnly } from './trusted-documents';

const LEDGER = 'query LedgerPage { hazards(first: 20) { totalCount } }';
const MANIFEST: TrustedDocumentManifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [{ id: documentId(LEDGER), name: 'LedgerPage', type: 'query', body: LEDGER }],
};

/** The gateway's /graphql chain with trusted documents only; the stand-in for Apollo answers with the query it was handed. */
type Answer = { status: number; json: any };

async function serve(): Promise<{ post: (body: unknown) => Promise<Answer>; url: string; close: () => Promise<void> }> {
  const app = createHttpApp(createLogger('trusted-spec', 'fatal'), async () => undefined);
  app.use('/graphql', graphqlJsonBody(100_000), trustedDocumentsOnly(MANIFEST), (req, res) => {
    res.json({ handed: req.body?.query ?? null, extensions: req.body?.extensions ?? null });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (body: unknown) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };
  return { post, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('trusted documents only', () => {
  let gateway: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    gateway = await serve();
  });
  afterAll(() => gateway.close());

  const refused = (detail: string) => ({
    errors: [{ message: `本系统只执行已登记的操作（可信文档）：${detail} (FORBIDDEN)`, extensions: { code: 'FORBIDDEN', reason: 'OPERATION_NOT_REGISTERED' } }],
  });

  it('hands on a registered operation named by its id, as documentId or as an automatic persisted query hash, with its text filled in', async () => {
    expect(await gateway.post({ documentId: documentId(LEDGER), variables: {} })).toMatchObject({ status: 200, json: { handed: LEDGER } });
    expect(await gateway.post({ documentId: `sha256:${documentId(LEDGER)}` })).toMatchObject({ status: 200, json: { handed: LEDGER } });
    const apq = await gateway.post({ extensions: { persistedQuery: { version: 1, sha256Hash: documentId(LEDGER) } } });
    expect(apq).toMatchObject({ status: 200, json: { handed: LEDGER } });
    expect(apq.json.extensions.persistedQuery).toBeUndefined();
  });

  it('hands on the registered text itself, byte for byte', async () => {
    expect(await gateway.post({ query: LEDGER })).toMatchObject({ status: 200, json: { handed: LEDGER } });
  });

  it('refuses any other text (a reformatted registered one too), an unknown id, and a request naming nothing', async () => {
    expect(await gateway.post({ query: '{ hazards(first: 100) { totalCount } }' })).toEqual({ status: 403, json: refused('操作未登记') });
    expect(await gateway.post({ query: `${LEDGER} ` })).toEqual({ status: 403, json: refused('操作未登记') });
    expect(await gateway.post({ documentId: 'f'.repeat(64) })).toEqual({ status: 403, json: refused(`未登记的操作编号 ${'f'.repeat(64)}`) });
    expect(await gateway.post({ variables: {} })).toEqual({ status: 403, json: refused('请求中没有操作') });
  });

  it('refuses an operation in a GET query string', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent(LEDGER)}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(refused('生产环境只接受 POST 请求'));
  });

  it('reads a manifest only when every id is its body’s SHA-256, naming the file and the operation', () => {
    expect(parseTrustedDocuments(JSON.stringify(MANIFEST), 'm.json')).toEqual(MANIFEST);
    const forged = { ...MANIFEST, operations: [{ ...MANIFEST.operations[0], id: documentId('query Other { __typename }') }] };
    expect(() => parseTrustedDocuments(JSON.stringify(forged), 'm.json')).toThrow('m.json: the id of LedgerPage is not the SHA-256 of its body');
    expect(() => parseTrustedDocuments('{"format":"x"}', 'm.json')).toThrow(/^m.json is not a persisted query manifest/);
  });
});
