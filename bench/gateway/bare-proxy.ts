/**
 * The floor of any gateway on this machine: an HTTP proxy in front of one subgraph that does nothing but pass
 * the request body and the caller's token through (adding the gateway proof) on undici's keep-alive pool, and
 * the answer back — no GraphQL at all. On /pace it answers a fixed 600 bytes itself, touching nothing else: the
 * machine's pace at the moment, measured in every round beside the operations (this VM's speed moves within minutes).
 * Started by bench/gateway/run.ts:
 *   PORT=… TARGET=<subgraph url> PROOF_HEADERS=<the gateway proof, JSON> node dist/bench/gateway/bare-proxy.js
 */
import http from 'node:http';
import { Agent, request } from 'undici';

const target = process.env.TARGET ?? '';
const proof = JSON.parse(process.env.PROOF_HEADERS ?? '{}') as Record<string, string>;
const pool = new Agent({ keepAliveTimeout: 60_000 });
const PACE_ANSWER = Buffer.from(JSON.stringify({ data: { pace: 'x'.repeat(580) } }));

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

const PACE_PATH = '/pace';

function answerPace(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': PACE_ANSWER.length }).end(PACE_ANSWER));
}

http
  .createServer((req, res) => {
    if (req.url === PACE_PATH) return answerPace(req, res);
    forward(req, res).catch(() => res.writeHead(502).end());
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
