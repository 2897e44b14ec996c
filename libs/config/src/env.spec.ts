import { ConfigError, enumVar, intVar, loadConfig, optionalStringVar, optionalUrlVar, stringVar, urlVar } from './env';

const spec = {
  NAME: stringVar('service name'),
  HOST: stringVar('interface', '0.0.0.0'),
  PORT: intVar('port', 4000, { min: 1, max: 65535 }),
  DB_URL: urlVar('database', ['mysql'], 'mysql://root@127.0.0.1:3306'),
  LEVEL: enumVar('log level', ['info', 'warn'] as const, 'info'),
  SECRET: optionalStringVar('secret'),
  JWKS: optionalUrlVar('key set', ['http', 'https']),
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(spec, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('returns parsed values when every variable is set', () => {
    const config = loadConfig(spec, {
      NAME: 'hazards',
      HOST: '127.0.0.1',
      PORT: '8080',
      DB_URL: 'mysql://user:pw@db:3306',
      LEVEL: 'warn',
      SECRET: 's3cret',
      JWKS: 'https://sso.example.edu/jwks',
    });
    expect(config).toEqual({
      NAME: 'hazards',
      HOST: '127.0.0.1',
      PORT: 8080,
      DB_URL: 'mysql://user:pw@db:3306',
      LEVEL: 'warn',
      SECRET: 's3cret',
      JWKS: 'https://sso.example.edu/jwks',
    });
  });

  it('falls back to defaults for unset or empty variables', () => {
    const config = loadConfig(spec, { NAME: 'hazards', PORT: '', SECRET: '', JWKS: '' });
    expect(config).toEqual({
      NAME: 'hazards',
      HOST: '0.0.0.0',
      PORT: 4000,
      DB_URL: 'mysql://root@127.0.0.1:3306',
      LEVEL: 'info',
      SECRET: undefined,
      JWKS: undefined,
    });
    expect(typeof config.PORT).toBe('number');
  });

  it('accepts the bounds of an integer range', () => {
    expect(loadConfig({ PORT: spec.PORT }, { PORT: '1' }).PORT).toBe(1);
    expect(loadConfig({ PORT: spec.PORT }, { PORT: '65535' }).PORT).toBe(65535);
  });

  it('reports every bad variable by name in one ConfigError', () => {
    const problems = problemsOf({
      PORT: '80.5',
      DB_URL: 'not a url',
      LEVEL: 'verbose',
      JWKS: 'ftp://sso.example.edu/jwks',
    });
    expect(problems).toHaveLength(5);
    expect(problems).toEqual([
      expect.stringMatching(/^NAME is required but not set \(service name\)$/),
      expect.stringMatching(/^PORT must be an integer, got "80\.5"/),
      expect.stringMatching(/^DB_URL must be a URL, got "not a url"/),
      expect.stringMatching(/^LEVEL must be one of info, warn, got "verbose"/),
      expect.stringMatching(/^JWKS must use http or https, got "ftp:"/),
    ]);
  });

  it('reports integers outside the range on either side', () => {
    expect(problemsOf({ NAME: 'x', PORT: '0' })).toEqual([expect.stringMatching(/^PORT must be >= 1, got 0/)]);
    expect(problemsOf({ NAME: 'x', PORT: '70000' })).toEqual([expect.stringMatching(/^PORT must be <= 65535, got 70000/)]);
    expect(problemsOf({ NAME: 'x', PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT must be an integer, got "abc"/)]);
  });

  it('reports a URL with a protocol outside the allowed list', () => {
    expect(problemsOf({ NAME: 'x', DB_URL: 'postgres://db:5432' })).toEqual([
      expect.stringMatching(/^DB_URL must use mysql, got "postgres:"/),
    ]);
  });

  it('lists every problem in the error message', () => {
    try {
      loadConfig(spec, { PORT: 'abc', LEVEL: 'loud' });
      throw new Error('expected loadConfig to throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('invalid configuration');
      expect(message).toContain('NAME');
      expect(message).toContain('PORT');
      expect(message).toContain('LEVEL');
      expect((error as Error).name).toBe('ConfigError');
    }
  });

  it('rethrows errors that are not about a value', () => {
    const broken = {
      description: 'broken',
      parse: (): string => {
        throw new TypeError('bug in parser');
      },
    };
    expect(() => loadConfig({ BROKEN: broken }, {})).toThrow(TypeError);
  });

  it('reads process.env by default', () => {
    const name = 'CAMPUS_CONFIG_SPEC_TEST_VARIABLE';
    process.env[name] = 'from-process';
    try {
      expect(loadConfig({ [name]: stringVar('test') })[name]).toBe('from-process');
    } finally {
      delete process.env[name];
    }
  });
});
