import pino from 'pino';

/** Structured logging: one line per event, fields first (pino's argument order). */
export interface BrokerLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** JSON lines on stderr (stdout carries only the CLI's ready line). */
export function createStderrLogger(level: string): BrokerLogger {
  const logger = pino(
    {
      level,
      base: { service: 'kafka-broker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}

export const silentLogger: BrokerLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The fields pino should show for an unexpected error. */
export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { err: { message: error.message, stack: error.stack } } : { err: String(error) };
}
