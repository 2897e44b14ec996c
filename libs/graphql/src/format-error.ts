import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError, FieldProblem } from './errors';
import { defaultReasonOf, REASONS } from './reasons';

/** Codes Apollo Server itself produces for bad requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
]);

export const INTERNAL_ERROR_MESSAGE = `${REASONS.INTERNAL.message} (INTERNAL_SERVER_ERROR)`;

export type ErrorLogger = (error: unknown, formatted: GraphQLFormattedError) => void;

/**
 * The one place errors become client-facing: domain errors keep their code and details, validation
 * errors name each field, anything unexpected is logged and masked.
 */
export function createFormatError(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { path: formatted.path, locations: formatted.locations };

    if (original instanceof DomainError) {
      return { message: original.message, ...where, extensions: { ...original.details, code: original.code, reason: original.reason } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = flattenValidationErrors(original.extensions.validationErrors);
      const message = `输入有误：${fields.map((f) => `${f.field}：${f.message}`).join('；')} (BAD_USER_INPUT)`;
      return { message, ...where, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields } };
    }
    if (original instanceof AuthenticationError) {
      return { message: `${REASONS.SIGN_IN_REQUIRED.message} (UNAUTHENTICATED)`, ...where, extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' } };
    }
    if (original instanceof AuthorizationError) {
      return { message: `${REASONS.ROLE_REQUIRED.message} (FORBIDDEN)`, ...where, extensions: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' } };
    }
    // Parse, validation and variable errors are graphql-js errors with one of these codes (Apollo wraps
    // some with an originalError); an arbitrary exception never passes, whatever code it claims.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original instanceof GraphQLError) {
      return { message: formatted.message, ...where, extensions: { code, reason: reasonOf(formatted, code) } };
    }
    logUnexpected(original, formatted);
    return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } };
  };
}

/** The reason an error already carries (e.g. the token check's), or the default of its code. */
function reasonOf(formatted: GraphQLFormattedError, code: string): string {
  const reason = formatted.extensions?.reason;
  return typeof reason === 'string' && reason in REASONS ? reason : defaultReasonOf(code);
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
