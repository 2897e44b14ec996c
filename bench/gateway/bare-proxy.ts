/**
 * The floor of any gateway on this machine: an HTTP proxy in front of one subgraph that does nothing but pass
 * the request body and the caller's token through (adding the gateway proof) on undici's keep-alive pool, and
 * the answer back — no GraphQL at all. Started by bench/gateway/run.ts:
 *   PORT=… TARGET=<subgraph url> PROOF_HEADERS=<the gateway proof, JSON> node dist/bench/gateway/bare-proxy.js
 */
import http from 'node:http';
import { Agent, request } from 'undici';

const target = process.env.TARGET ?? '';
const proof = JSON.parse(process.env.PROOF_HEADERS ?? '{}') as Record<string, string>;
const pool = new Agent({ keepAliveTimeout: 60_000 });

async function forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const answer = await request(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '', ...proof },
    body: Buffer.concat(chunks),
    dispatcher: pool,
  });
  const body = Buffer.from(await answer.body.arrayBuffer());
  res.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
}

http
  .createServer((req, res) => {
    forward(req, res).catch(() => res.writeHead(502).end());
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
