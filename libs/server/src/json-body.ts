import { INTERNAL_ERROR_MESSAGE } from '@campus/graphql';
import express, { ErrorRequestHandler, RequestHandler } from 'express';

/** What body-parser's errors (error.type) mean to the client. */
const BODY_PROBLEMS: Record<string, string> = {
  'entity.parse.failed': '请求体不是有效的 JSON',
  'encoding.unsupported': '请求体的编码不受支持',
  'charset.unsupported': '请求体的字符集不受支持',
  'request.aborted': '请求体未传输完整',
  'request.size.invalid': '请求体长度与声明的不符',
};

interface HttpishError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/** The JSON body of a GraphQL request, at most maxBytes; body errors are answered by answerErrorsAsJson. */
export function graphqlJsonBody(maxBytes: number): RequestHandler {
  return express.json({ limit: maxBytes });
}

/**
 * The last error handler of a process: a GraphQL-shaped JSON error, never express's HTML page with a stack
 * and file paths. Client errors (4xx) say what was wrong; anything else is logged and masked.
 */
export const answerErrorsAsJson: ErrorRequestHandler = (error: HttpishError, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
  if (status >= 500) {
    req.log?.error({ err: error }, 'unexpected error in an HTTP handler');
    res.status(500).json({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } }] });
    return;
  }
  res.status(status).json({ errors: [{ message: `${clientMessage(error, status)} (BAD_USER_INPUT)`, extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' } }] });
};

function clientMessage(error: HttpishError, status: number): string {
  if (status === 413) {
    return typeof error.limit === 'number' ? `请求体过大（上限 ${Math.floor(error.limit / 1024)} KiB）` : '请求体过大';
  }
  return (typeof error.type === 'string' && BODY_PROBLEMS[error.type]) || '请求格式有误';
}
