/**
 * What an Apollo server (gateway or subgraph) tells clients about its schema: everything in development
 * (introspection, "Did you mean …" in validation errors), nothing in production (NODE_ENV=production).
 * Explicit rather than Apollo's own NODE_ENV default, so the mode the configuration validated is the one served.
 */
export function schemaExposure(production: boolean): { introspection: boolean; hideSchemaDetailsFromClientErrors: boolean } {
  return { introspection: !production, hideSchemaDetailsFromClientErrors: production };
}
