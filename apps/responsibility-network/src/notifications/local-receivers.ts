import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real HTTP server standing in for a group robot (tests): records each post, answers with the queued statuses (then 200). */
export interface WebhookReceiver {
  url: string;
  received: { path: string; query: URLSearchParams; body: { msgtype: string; text: { content: string } } }[];
  /** Statuses to answer next, in order; 200 with errcode 0 once they run out. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(delayMs = 0): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const statuses: number[] = [];
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const status = statuses.shift() ?? 200;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (status === 200) received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(body) });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? '{"errcode":0,"errmsg":"ok"}' : '{"errcode":-1,"errmsg":"busy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (...next) => statuses.push(...next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server (smtp-server) on a free port (tests): keeps each message's envelope and raw text. */
export interface MailReceiver {
  url: string;
  mails: { to: string[]; raw: string }[];
  close(): Promise<void>;
}

export async function startMailReceiver(): Promise<MailReceiver> {
  const mails: MailReceiver['mails'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
