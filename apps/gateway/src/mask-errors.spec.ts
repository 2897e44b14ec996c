import { INTERNAL_ERROR_MESSAGE } from '@campus/graphql';
import { GraphQLFormattedError } from 'graphql';
import { maskError } from './mask-errors';

describe('maskError', () => {
  let logged: GraphQLFormattedError[];
  const log = (formatted: GraphQLFormattedError) => logged.push(formatted);

  beforeEach(() => {
    logged = [];
  });

  it('passes a client error with only the whitelisted extensions', () => {
    const formatted: GraphQLFormattedError = {
      message: '记录已被他人修改 (CONFLICT)',
      path: ['updateHazard'],
      locations: [{ line: 1, column: 12 }],
      extensions: {
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
        currentVersion: 3,
        id: 'h-1',
        serviceName: 'hazard-tracking',
        stacktrace: ['Error: at HazardService.update (/app/dist/hazard.service.js:10:5)'],
        exception: { sqlMessage: 'Deadlock' },
      },
    };
    expect(maskError(formatted, log)).toEqual({
      message: '记录已被他人修改 (CONFLICT)',
      path: ['updateHazard'],
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 3, id: 'h-1' },
    });
    expect(logged).toEqual([]);
  });

  it('keeps the field list of a BAD_USER_INPUT error', () => {
    const fields = [{ field: 'input.title', message: '标题不能为空' }];
    const result = maskError({ message: '输入有误', extensions: { code: 'BAD_USER_INPUT', fields, serviceName: 'x' } }, log);
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields });
  });

  it('passes request errors raised by the gateway itself', () => {
    const result = maskError({ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, log);
    expect(result).toEqual({ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'REQUEST_INVALID' } });
    const unknownName = maskError({ message: 'Unknown operation named "Login".', extensions: { code: 'INVALID_GRAPHQL' } }, log);
    expect(unknownName).toEqual({ message: 'Unknown operation named "Login".', extensions: { code: 'INVALID_GRAPHQL', reason: 'REQUEST_INVALID' } });
  });

  it('masks and logs an internal server error', () => {
    const formatted: GraphQLFormattedError = {
      message: 'connect ECONNREFUSED 10.0.0.7:4002',
      path: ['hazards'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'hazard-tracking' },
    };
    const result = maskError(formatted, log);
    expect(result).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: ['hazards'], extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    expect(logged).toEqual([formatted]);
  });

  it('passes a subgraph that could not be reached as retryable, or of unknown outcome, with the service and retry hint, and logs it', () => {
    const unavailable: GraphQLFormattedError = {
      message: '教育演练服务暂时不可用（可能正在重启），请稍后重试 (SERVICE_UNAVAILABLE)',
      path: ['orgUnit', 'emergencyPlans'],
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', service: 'education-drills', retryAfterSeconds: 1, exception: { code: 'ECONNREFUSED' } },
    };
    expect(maskError(unavailable, log)).toEqual({
      message: unavailable.message,
      path: ['orgUnit', 'emergencyPlans'],
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', service: 'education-drills', retryAfterSeconds: 1 },
    });
    const unknown: GraphQLFormattedError = { message: '连接中断 (OUTCOME_UNKNOWN)', extensions: { code: 'OUTCOME_UNKNOWN', reason: 'OUTCOME_UNKNOWN', service: 'hazard-tracking', retryAfterSeconds: 1 } };
    expect(maskError(unknown, log)).toEqual(unknown);
    expect(logged).toEqual([unavailable, unknown]);
  });

  it('masks and logs errors without a code or with an unknown code', () => {
    const withoutCode: GraphQLFormattedError = { message: 'socket hang up' };
    const unknownCode: GraphQLFormattedError = { message: 'boom', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } };
    expect(maskError(withoutCode, log)).toEqual({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } });
    expect(maskError(unknownCode, log).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    expect(logged).toEqual([withoutCode, unknownCode]);
  });

  it("passes the BAD_USER_INPUT a subgraph answered with HTTP 400 (a CalendarDate its scalar refused), not the gateway's 400: Bad Request", () => {
    const refusal = { message: '日期格式应为 YYYY-MM-DD，收到 "2026-13-45" (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } };
    const formatted: GraphQLFormattedError = {
      message: '400: Bad Request',
      path: ['educationLedgerWorkbook'],
      extensions: { response: { url: 'http://10.0.0.7:4003/graphql', status: 400, body: { errors: [refusal] } }, serviceName: 'education-drills' },
    };
    expect(maskError(formatted, log)).toEqual({ ...refusal, path: ['educationLedgerWorkbook'] });
    expect(logged).toEqual([]);
  });

  it('masks a subgraph 400 that carries no BAD_USER_INPUT (e.g. a query plan the subgraph found invalid)', () => {
    const body = { errors: [{ message: 'Cannot query field "_entities"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    const formatted: GraphQLFormattedError = { message: '400: Bad Request', extensions: { response: { status: 400, body } } };
    expect(maskError(formatted, log).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    expect(logged).toEqual([formatted]);
  });
});
