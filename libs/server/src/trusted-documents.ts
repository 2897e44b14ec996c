import { REASONS } from '@campus/graphql';
import { RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The operations a production gateway accepts when it takes trusted documents only: Apollo's persisted query
 * manifest format (what @apollo/generate-persisted-query-manifest writes), each operation's id the SHA-256 of
 * its body — the hash automatic persisted queries send. `npm run trusted-documents:register` writes it.
 */
export interface TrustedDocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: TrustedOperation[];
}

export interface TrustedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

const MANIFEST = z
  .object({
    format: z.literal('apollo-persisted-query-manifest'),
    version: z.literal(1),
    operations: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['query', 'mutation', 'subscription']), body: z.string() }).strict()),
  })
  .strict();

export function documentId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** A manifest's content, or an error that names the file and what is wrong (an id that is not its body's hash too). */
export function parseTrustedDocuments(text: string, file: string): TrustedDocumentManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = MANIFEST.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a persisted query manifest: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const wrong = parsed.data.operations.find((operation) => operation.id !== documentId(operation.body));
  if (wrong) throw new Error(`${file}: the id of ${wrong.name} is not the SHA-256 of its body`);
  return parsed.data;
}

export function readTrustedDocuments(file: string): TrustedDocumentManifest {
  return parseTrustedDocuments(readFileSync(file, 'utf8'), file);
}

interface OperationBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Express middleware for /graphql, after the JSON body is parsed: only the manifest's operations pass. A request
 * may name one by id (`documentId`, `sha256:`-prefixed or not, or automatic persisted queries' `extensions.persistedQuery.sha256Hash`
 * without the text: the text is filled in) or send its text, which must be a registered one to the byte. Anything
 * else — and operations in a GET's query string — is refused with 403 OPERATION_NOT_REGISTERED before it is parsed.
 */
export function trustedDocumentsOnly(manifest: TrustedDocumentManifest): RequestHandler {
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  const refuse = (res: Parameters<RequestHandler>[1], detail: string) => {
    const { code, message } = REASONS.OPERATION_NOT_REGISTERED;
    res.status(403).json({ errors: [{ message: `${message}：${detail} (${code})`, extensions: { code, reason: 'OPERATION_NOT_REGISTERED' } }] });
  };
  return (req, res, next) => {
    if (req.method !== 'POST') return req.query.query || req.query.extensions ? refuse(res, '生产环境只接受 POST 请求') : next();
    const body = req.body as OperationBody | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    // "sha256:<hex>" as GraphQL Code Generator and the trusted-documents convention write a documentId, or bare hex.
    const given = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
    const named = typeof given === 'string' ? given.replace(/^sha256:/, '') : given;
    if (typeof body.query === 'string') {
      return bodies.has(documentId(body.query)) ? next() : refuse(res, '操作未登记');
    }
    if (typeof named !== 'string' || !bodies.has(named)) return refuse(res, typeof given === 'string' ? `未登记的操作编号 ${given}` : '请求中没有操作');
    req.body = { ...body, query: bodies.get(named), documentId: undefined, extensions: { ...body.extensions, persistedQuery: undefined } };
    next();
  };
}
