import { IncomingMessage } from 'node:http';

export type OperationKind = 'query' | 'mutation';

/**
 * A JSON body whose GraphQL document starts with `mutation` (after white space, literal or escaped). A document
 * that starts otherwise (a fragment first, a comment), or a body whose `query` is not in its first chunk, reads as
 * a query: the kind only chooses which admission limit a request waits under, never what it may do.
 */
const MUTATION_BODY = /"query"\s*:\s*"(?:\s|\\[nrt])*mutation\b/;

/**
 * Calls back with the kind of GraphQL operation a POST carries, read from the body's first chunk, which is put back
 * for whoever reads the body next (Express's JSON parser). A request without a body is a query; one whose caller
 * hangs up first is never called back (there is no one to answer).
 */
export function peekOperationKind(req: IncomingMessage, then: (kind: OperationKind) => void): void {
  if (req.method !== 'POST' || (!req.headers['transfer-encoding'] && !Number(req.headers['content-length']))) return then('query');
  const finish = (chunk: Buffer | null) => {
    req.off('readable', onReadable);
    req.off('close', onClose);
    if (chunk) req.unshift(chunk);
    then(chunk && MUTATION_BODY.test(chunk.toString('utf8', 0, 4096)) ? 'mutation' : 'query');
  };
  const onReadable = () => finish(req.read() as Buffer | null);
  const onClose = () => {
    req.off('readable', onReadable);
  };
  req.on('readable', onReadable);
  req.once('close', onClose);
}
