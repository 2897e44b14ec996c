/**
 * Domain errors carry a code from ARCHITECTURE.md and a message a person reads, in Chinese with the
 * English code beside. They are turned into GraphQL errors in one place: formatError.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${message} (${code})`);
    this.name = 'DomainError';
  }
}

export class BadUserInputError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super('BAD_USER_INPUT', `输入有误：${fields.map((f) => `${f.field}：${f.message}`).join('；')}`, { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what}不存在或不在您的管辖范围内：${id}`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录') {
    super('UNAUTHENTICATED', message);
  }
}
