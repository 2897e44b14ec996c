import { ConflictError, NotFoundError } from './errors';
import { httpError, httpErrorOfDomain, httpErrorOfGraphQL } from './http-errors';
import { REASONS } from './reasons';

describe('plain-HTTP refusals from the reason catalogue', () => {
  it('answers a reason with its code, status and catalogue message unless a specific one is given', () => {
    expect(httpError('TOKEN_INVALID')).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID', message: '登录已失效，请重新登录 (UNAUTHENTICATED)' },
    });
    expect(httpError('INVALID_INPUT', '参数 filter 不是有效的 JSON').body.message).toBe('参数 filter 不是有效的 JSON (BAD_USER_INPUT)');
  });

  it('answers a domain error as its GraphQL error would read', () => {
    expect(httpErrorOfDomain(new NotFoundError('隐患', 'h1'))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', reason: 'NOT_FOUND', message: '隐患不存在或不在您的管辖范围内：h1 (NOT_FOUND)' },
    });
    expect(httpErrorOfDomain(new ConflictError('STALE_VERSION')).status).toBe(409);
  });

  it('passes a subgraph error with its reason, defaults a missing one, and masks anything internal', () => {
    expect(httpErrorOfGraphQL({ message: '无权 (FORBIDDEN)', extensions: { code: 'FORBIDDEN', reason: 'NO_LINKED_PERSON' } }).body).toEqual({
      code: 'FORBIDDEN',
      reason: 'NO_LINKED_PERSON',
      message: '无权 (FORBIDDEN)',
    });
    expect(httpErrorOfGraphQL({ message: 'x', extensions: { code: 'NOT_FOUND' } }).body.reason).toBe('NOT_FOUND');
    expect(httpErrorOfGraphQL({ message: 'connect ECONNREFUSED', extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual({
      status: 500,
      body: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', message: `${REASONS.INTERNAL.message} (INTERNAL_SERVER_ERROR)` },
    });
    expect(httpErrorOfGraphQL(undefined).status).toBe(500);
  });
});
