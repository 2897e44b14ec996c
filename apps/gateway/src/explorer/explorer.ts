import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { EXAMPLE_TABS } from './examples';
import { EXPLORER_SCRIPT, explorerHtml } from './page';

/** Where the explorer is served in development (GET /graphql from a browser shows the same page). */
export const EXPLORER_PATH = '/explorer';

interface Asset {
  body: Buffer;
  /** The body gzipped once on load (graphiql.min.js: 3.5 MB, about a fifth of that gzipped). */
  gzipped: Buffer;
  contentType: string;
  /** Part of the URL, so a changed file is a new URL and each may be cached for a year. */
  hash: string;
}

interface Explorer {
  html: string;
  assets: Map<string, Asset>;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** GraphiQL's browser build expects React and ReactDOM as globals: their UMD builds, from the installed packages. */
function assetSources(): [name: string, file: string | Buffer, contentType: string][] {
  const packageDir = (name: string) => path.dirname(require.resolve(name));
  return [
    ['react.production.min.js', path.join(packageDir('react'), 'umd/react.production.min.js'), JAVASCRIPT],
    ['react-dom.production.min.js', path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), JAVASCRIPT],
    ['graphiql.min.js', require.resolve('graphiql/graphiql.min.js'), JAVASCRIPT],
    ['graphiql.min.css', require.resolve('graphiql/graphiql.min.css'), 'text/css; charset=utf-8'],
    ['explorer.js', Buffer.from(EXPLORER_SCRIPT), JAVASCRIPT],
  ];
}

let loaded: Explorer | null = null;

/** Read once, on the first use in development; production never reads them. */
function explorer(): Explorer {
  if (loaded) return loaded;
  const assets = new Map<string, Asset>();
  for (const [name, source, contentType] of assetSources()) {
    const body = typeof source === 'string' ? readFileSync(source) : source;
    assets.set(name, { body, gzipped: gzipSync(body), contentType, hash: createHash('sha256').update(body).digest('hex').slice(0, 16) });
  }
  const assetUrl = (name: string) => `${EXPLORER_PATH}/assets/${assets.get(name)!.hash}/${name}`;
  loaded = { html: explorerHtml(assetUrl, EXAMPLE_TABS), assets };
  return loaded;
}

/** GET /explorer and its assets, in development only: in production these paths are 404 like any unknown one. */
export function mountExplorer(app: express.Express, production: boolean): void {
  if (production) return;
  app.get(EXPLORER_PATH, (_req, res) => {
    res.type('html').setHeader('cache-control', 'no-cache').send(explorer().html);
  });
  app.get(`${EXPLORER_PATH}/assets/:hash/:name`, (req, res) => {
    const asset = explorer().assets.get(req.params.name);
    if (!asset || asset.hash !== req.params.hash) {
      res.status(404).json({ error: 'no such explorer asset' });
      return;
    }
    res.setHeader('content-type', asset.contentType);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('vary', 'accept-encoding');
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.send(gzip ? asset.gzipped : asset.body);
  });
}

/**
 * What a browser gets from GET /graphql: the explorer in development, instead of Apollo's Sandbox (loaded from
 * Apollo's CDN, blank on an intranet); nothing in production.
 */
export function explorerLandingPage(production: boolean): ApolloServerPlugin {
  if (production) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: explorer().html };
        },
      };
    },
  };
}
