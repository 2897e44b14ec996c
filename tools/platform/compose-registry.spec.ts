import { GATEWAY_SERVICE, ORG_DIRECTORY_SERVICE, SUBGRAPH_SERVICES } from '@campus/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// The compose file is written by hand for operators; this keeps it in step with the service registry.
const compose = parse(readFileSync(path.join(__dirname, '../../docker/compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, unknown>; build?: { args?: { APP?: string } } }>;
};

describe('docker/compose.yaml against the service registry', () => {
  it.each(SUBGRAPH_SERVICES.map((service) => [service.name, service] as const))('runs %s on its port and database', (name, service) => {
    const entry = compose.services[name];
    expect(entry).toBeDefined();
    expect(entry.build?.args?.APP).toBe(name);
    expect(String(entry.environment?.PORT)).toBe(String(service.port));
    expect(entry.environment?.DATABASE_NAME).toBe(service.database);
    if (name !== ORG_DIRECTORY_SERVICE) {
      const directory = SUBGRAPH_SERVICES.find((other) => other.name === ORG_DIRECTORY_SERVICE)!;
      expect(entry.environment?.ORG_DIRECTORY_URL).toBe(`http://${directory.name}:${directory.port}/graphql`);
    }
  });

  it('runs every process in production mode with the gateway secret; only the gateway is published', () => {
    for (const name of [...SUBGRAPH_SERVICES.map((service) => service.name), 'gateway']) {
      const entry = compose.services[name] as { environment?: Record<string, unknown>; ports?: unknown[] };
      expect({ name, NODE_ENV: entry.environment?.NODE_ENV }).toEqual({ name, NODE_ENV: 'production' });
      expect(String(entry.environment?.GATEWAY_SECRET)).toMatch(/^\$\{GATEWAY_SECRET:\?/);
      if (name !== 'gateway') {
        expect({ name, HOST: entry.environment?.HOST, ports: entry.ports }).toEqual({ name, HOST: '0.0.0.0', ports: undefined });
      }
    }
    expect(String(compose.services.gateway.environment?.CORS_ORIGINS)).toMatch(/^\$\{CORS_ORIGINS:\?/);
  });

  it('points the gateway at every subgraph and no other', () => {
    const gateway = compose.services.gateway;
    expect(String(gateway.environment?.PORT)).toBe(String(GATEWAY_SERVICE.port));
    const urls = Object.fromEntries(Object.entries(gateway.environment ?? {}).filter(([name]) => name.endsWith('_URL')));
    expect(urls).toEqual(
      Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [service.urlVariable, `http://${service.name}:${service.port}/graphql`])),
    );
  });
});
