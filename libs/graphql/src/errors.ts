import { ErrorCode, REASONS, Reason, ReasonOf } from './reasons';

export type { ErrorCode } from './reasons';

/**
 * Domain errors carry a reason from the catalogue (reasons.ts), hence a code from ARCHITECTURE.md, and a
 * message a person reads, in Chinese with the English code beside. They become GraphQL errors in one
 * place: formatError.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: Reason,
    message: string = REASONS[reason].message,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${message} (${REASONS[reason].code})`);
    this.code = REASONS[reason].code;
    this.name = 'DomainError';
  }
}

export class BadUserInputError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super('INVALID_INPUT', `输入有误：${fields.map((f) => `${f.field}：${f.message}`).join('；')}`, { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what}不存在或不在您的管辖范围内：${id}`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(reason: ReasonOf<'CONFLICT'>, message?: string, details: Record<string, unknown> = {}) {
    super(reason, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message?: string, reason: ReasonOf<'FORBIDDEN'> = 'ROLE_REQUIRED') {
    super(reason, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message?: string, reason: ReasonOf<'UNAUTHENTICATED'> = 'SIGN_IN_REQUIRED') {
    super(reason, message);
  }
}

/** A dependency (another service, the object store) did not answer: the client may retry. */
export class ServiceUnavailableError extends DomainError {
  constructor(message?: string) {
    super('SERVICE_UNAVAILABLE', message);
  }
}
