// The OpenAPI 3.1 document at /api/v1/openapi.json, assembled from every API module's own path
// objects and schemas (server/routes/api/api-modules.ts), so a route file documents itself and a
// module added later adds its paths by being listed.
export type OpenApiObject = Record<string, unknown>;

export interface OpenApiPart {
  /** Path templates relative to /api/v1 (e.g. `/services/{id}`) → path item objects. */
  paths: Record<string, OpenApiObject>;
  /** Reusable schemas (components.schemas). */
  schemas?: Record<string, OpenApiObject>;
}

export function buildOpenApiDocument(parts: readonly OpenApiPart[], version: string): OpenApiObject {
  const paths: Record<string, OpenApiObject> = {};
  const schemas: Record<string, OpenApiObject> = {};
  for (const part of parts) {
    for (const [path, item] of Object.entries(part.paths)) {
      // Two modules may document different methods of one path (GET here, POST in another).
      paths[`/api/v1${path}`] = { ...(paths[`/api/v1${path}`] ?? {}), ...item };
    }
    for (const [name, schema] of Object.entries(part.schemas ?? {})) {
      if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema))
        throw new Error(`OpenAPI schema ${name} defined twice, differently`);
      schemas[name] = schema;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'slawatch API',
      version,
      description:
        'Read-only JSON of slawatch: services, figures and claims for any period (SPEC §5), ' +
        'incidents, maintenance windows and checks. ' +
        'Times are ISO 8601 instants; figures are in base units (ratios, seconds, counts); ' +
        'a figure with no data is null.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas },
  };
}

/** A JSON response of a schema reference, for path objects. */
export function jsonResponse(description: string, schemaRef: string): OpenApiObject {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaRef}` } } } };
}

export const errorResponses: Record<string, OpenApiObject> = {
  '400': jsonResponse('Bad request: the message says which parameter and why.', 'Error'),
  '404': jsonResponse('No such resource.', 'Error'),
};

export const errorSchema: OpenApiObject = {
  type: 'object',
  required: ['ok', 'error'],
  properties: { ok: { const: false }, error: { type: 'string' } },
};
