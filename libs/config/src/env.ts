/**
 * Environment configuration, validated at start.
 * Every variable is described once; loadConfig reports every bad or missing variable by name.
 */
export interface VariableSpec<T> {
  description: string;
  parse(raw: string | undefined): T;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 (invalid configuration):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

class InvalidValue extends Error {}

function required(raw: string | undefined, fallback: string | undefined): string {
  const value = raw === undefined || raw === '' ? fallback : raw;
  if (value === undefined) throw new InvalidValue('is required but not set');
  return value;
}

export function stringVar(description: string, fallback?: string): VariableSpec<string> {
  return { description, parse: (raw) => required(raw, fallback) };
}

export function optionalStringVar(description: string): VariableSpec<string | undefined> {
  return { description, parse: (raw) => (raw === undefined || raw === '' ? undefined : raw) };
}

export function intVar(description: string, fallback?: number, range: { min?: number; max?: number } = {}): VariableSpec<number> {
  return {
    description,
    parse(raw) {
      const text = required(raw, fallback === undefined ? undefined : String(fallback));
      const value = Number(text);
      if (!Number.isInteger(value)) throw new InvalidValue(`must be an integer, got "${text}"`);
      if (range.min !== undefined && value < range.min) throw new InvalidValue(`must be >= ${range.min}, got ${value}`);
      if (range.max !== undefined && value > range.max) throw new InvalidValue(`must be <= ${range.max}, got ${value}`);
      return value;
    },
  };
}

export function urlVar(description: string, protocols: string[], fallback?: string): VariableSpec<string> {
  return {
    description,
    parse(raw) {
      const text = required(raw, fallback);
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new InvalidValue(`must be a URL, got "${text}"`);
      }
      if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
        throw new InvalidValue(`must use ${protocols.join(' or ')}, got "${url.protocol}"`);
      }
      return text;
    },
  };
}

export function optionalUrlVar(description: string, protocols: string[]): VariableSpec<string | undefined> {
  const inner = urlVar(description, protocols);
  return { description, parse: (raw) => (raw === undefined || raw === '' ? undefined : inner.parse(raw)) };
}

export function enumVar<T extends string>(description: string, values: readonly T[], fallback?: T): VariableSpec<T> {
  return {
    description,
    parse(raw) {
      const text = required(raw, fallback);
      if (!values.includes(text as T)) throw new InvalidValue(`must be one of ${values.join(', ')}, got "${text}"`);
      return text as T;
    },
  };
}

export type ConfigOf<S> = { [K in keyof S]: S[K] extends VariableSpec<infer T> ? T : never };

export function loadConfig<S extends Record<string, VariableSpec<unknown>>>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    try {
      config[name] = variable.parse(env[name]);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`${name} ${error.message} (${variable.description})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<S>;
}
