import express from 'express';
import path from 'node:path';

/** Where the HTML reference of the public API is served in development. */
export const API_REFERENCE_PATH = '/docs';

/**
 * GET /docs in development: docs/api-reference.html, the public API with its Chinese descriptions and the error
 * reasons (written by npm run schema:write from the schema this gateway serves). In production it is 404 like
 * any unknown path: the reference ships with the repository, not with the running system.
 */
export function mountApiReference(app: express.Express, production: boolean, file = path.resolve(process.cwd(), 'docs/api-reference.html')): void {
  if (production) return;
  app.get(API_REFERENCE_PATH, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(file);
  });
}
