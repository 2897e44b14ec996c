import { ValidationError } from 'class-validator';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthorizationError } from 'type-graphql';
import { BadUserInputError, ConflictError, NotFoundError } from './errors';
import { createFormatError, flattenValidationErrors, INTERNAL_ERROR_MESSAGE } from './format-error';

/** What Apollo hands formatError for an error thrown in a resolver: the located wrapper and its JSON. */
function fromResolver(original: Error): [GraphQLFormattedError, GraphQLError] {
  const error = new GraphQLError(original.message, { originalError: original, path: ['x'] });
  return [error.toJSON(), error];
}

function validationError(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('createFormatError', () => {
  let logged: { error: unknown; formatted: GraphQLFormattedError }[];
  let format: ReturnType<typeof createFormatError>;

  beforeEach(() => {
    logged = [];
    format = createFormatError((error, formatted) => logged.push({ error, formatted }));
  });

  it('keeps the code, message and details of a ConflictError', () => {
    const error = new ConflictError('STALE_VERSION', '记录已被他人修改', { currentVersion: 4 });
    const result = format(...fromResolver(error));
    expect(result).toEqual({ message: '记录已被他人修改 (CONFLICT)', path: ['x'], extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 4 } });
    expect(logged).toEqual([]);
  });

  it('keeps the code and id of a NotFoundError', () => {
    const result = format(...fromResolver(new NotFoundError('隐患', 'h-1')));
    expect(result.message).toBe('隐患不存在或不在您的管辖范围内：h-1 (NOT_FOUND)');
    expect(result.extensions).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND', id: 'h-1' });
  });

  it('keeps the fields of a BadUserInputError', () => {
    const fields = [{ field: 'deadline', message: '整改期限不能早于今天' }];
    const result = format(...fromResolver(new BadUserInputError(fields)));
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields });
    expect(result.message).toContain('deadline：整改期限不能早于今天');
  });

  it('turns argument validation errors into BAD_USER_INPUT naming each nested field', () => {
    const error = new ArgumentValidationError([
      validationError('input', undefined, [
        validationError('title', { isLength: '标题长度应为 2–200 个字符' }),
        validationError('location', undefined, [validationError('building', { isNotEmpty: '楼栋不能为空' })]),
      ]),
    ]);
    const result = format(...fromResolver(error));
    expect(result.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [
        { field: 'input.title', message: '标题长度应为 2–200 个字符' },
        { field: 'input.location.building', message: '楼栋不能为空' },
      ],
    });
    expect(result.message).toBe('输入有误：input.title：标题长度应为 2–200 个字符；input.location.building：楼栋不能为空 (BAD_USER_INPUT)');
    expect(result.path).toEqual(['x']);
    expect(logged).toEqual([]);
  });

  it('maps type-graphql authorization errors to FORBIDDEN', () => {
    expect(format(...fromResolver(new AuthorizationError())).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  });

  it('masks an unexpected error and logs the original', () => {
    const original = new Error('connect ECONNREFUSED 10.0.0.5:3306');
    const result = format(...fromResolver(original));
    expect(result).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
    expect(logged).toHaveLength(1);
    expect(logged[0].error).toBe(original);
    expect(logged[0].formatted.message).toBe('connect ECONNREFUSED 10.0.0.5:3306');
  });

  it('masks a resolver error that claims a client code', () => {
    const original = Object.assign(new Error('secret detail'), { extensions: { code: 'BAD_USER_INPUT' } });
    const error = new GraphQLError(original.message, { originalError: original, path: ['x'], extensions: { code: 'BAD_USER_INPUT' } });
    const result = format(error.toJSON(), error);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    expect(logged).toHaveLength(1);
  });

  it('passes a graphql-js validation error through with its code only', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
    const result = format(error.toJSON(), error);
    expect(result).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'REQUEST_INVALID' },
    });
    expect(logged).toEqual([]);
  });

  it('passes a variable coercion error wrapped by Apollo (with an originalError) as BAD_USER_INPUT', () => {
    const coercion = new GraphQLError('日期格式应为 YYYY-MM-DD，收到 "2026-02-30" (BAD_USER_INPUT)');
    const error = new GraphQLError('Variable "$d" got invalid value "2026-02-30"; 日期格式应为 YYYY-MM-DD', {
      originalError: coercion,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(format(error.toJSON(), error)).toEqual({ message: error.message, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } });
    expect(logged).toEqual([]);
  });

  it('keeps the domain code when details carry a key named code', () => {
    const error = new ConflictError('DUPLICATE', '单位代码已存在：X', { code: 'X' });
    expect(format({ message: error.message }, error).extensions?.code).toBe('CONFLICT');
  });

  it('masks a graphql-js error whose code is not a request error code', () => {
    const error = new GraphQLError('Subgraph exploded', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
    expect(format(error.toJSON(), error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    expect(logged).toHaveLength(1);
  });
});

describe('flattenValidationErrors', () => {
  it('reports every constraint of a field and of its children', () => {
    const errors = [
      validationError('phone', { matches: '手机号格式不正确', isLength: '手机号应为 11 位' }),
      validationError('items', undefined, [validationError('0', undefined, [validationError('name', { isNotEmpty: '名称不能为空' })])]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'phone', message: '手机号格式不正确' },
      { field: 'phone', message: '手机号应为 11 位' },
      { field: 'items.0.name', message: '名称不能为空' },
    ]);
  });
});
