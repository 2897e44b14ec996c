import { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import {
  BREAK,
  DocumentNode,
  getNamedType,
  GraphQLField,
  GraphQLSchema,
  isObjectType,
  isInterfaceType,
  OperationDefinitionNode,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** The subgraph that answers a document alone, as the gateway's own plan for it found. */
export interface SingleSubgraphRoute {
  service: string;
  url: string;
  /** The operation the request runs: its variables are checked against the gateway's schema, as the gateway would. */
  operation: OperationDefinitionNode;
  /** The gateway's schema, and the document as the gateway parsed it (for its cost limit, which depends on the variables). */
  apiSchema: GraphQLSchema;
  document: DocumentNode;
}

type PlanResolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];

/** Directives a subgraph handles exactly as the gateway does; any other (@defer …) keeps a document on the gateway's path. */
const PLAIN_DIRECTIVES = new Set(['skip', 'include']);

/**
 * Remembers, per document and operation name, whether the gateway's plan for it is one call (a query or a
 * mutation) to one subgraph; such a request can then be sent to that subgraph as it came and its answer passed back
 * (single-subgraph-answers.ts), without the gateway planning, executing and reshaping it again. A document
 * qualifies only when the subgraph would answer it exactly as the gateway does: a plan of a single fetch
 * that needs nothing from another subgraph; no introspection (the subgraph would describe its own schema);
 * no directive beyond @skip/@include; valid against the subgraph's own schema; and every field it selects of
 * the same type and arguments there as in the gateway's schema (so nulls bubble to the same place). What it
 * remembers is a route, never an answer: each request is still answered by the subgraph for its own viewer.
 */
export class SingleSubgraphRoutes {
  private readonly routes = new Map<string, SingleSubgraphRoute | null>();
  /** Each subgraph's schema, built when first needed from the supergraph the gateway planned with. */
  private readonly subgraphSchemas = new WeakMap<Supergraph, Map<string, GraphQLSchema>>();

  /**
   * `supergraph` is the gateway's own (its query planner's): building the supergraph and extracting its subgraphs
   * again cost the gateway ~0.7 s of CPU at every start.
   */
  constructor(
    private readonly supergraph: () => Supergraph | undefined,
    private readonly urls: Record<string, string>,
    private readonly capacity = 2_000,
  ) {}

  routeOf(query: string, operationName: string | undefined): SingleSubgraphRoute | null {
    return this.routes.get(keyOf(query, operationName)) ?? null;
  }

  /** The gateway's experimental_didResolveQueryPlan: called with every request's plan, cached or new. */
  readonly learn = ({ queryPlan, requestContext, operationContext }: PlanResolved): void => {
    const { source, document } = requestContext;
    if (source === undefined || document === undefined) return;
    const key = keyOf(source, requestContext.request.operationName ?? undefined);
    if (this.routes.has(key)) return;
    if (this.routes.size >= this.capacity) this.routes.delete(this.routes.keys().next().value!);
    const fetch = queryPlan.node;
    const single = fetch?.kind === 'Fetch' && fetch.operationKind === operationContext.operation.operation && !fetch.requires?.length && !fetch.inputRewrites?.length && !fetch.outputRewrites?.length && !fetch.contextRewrites?.length;
    const service = single ? fetch.serviceName : undefined;
    const schema = service === undefined ? undefined : this.subgraphSchema(service);
    const url = service === undefined ? undefined : this.urls[service];
    const answersAlike = service !== undefined && schema !== undefined && url !== undefined && operationContext.operation.operation !== 'subscription' && isPlain(document) && validate(schema, document).length === 0 && sameFieldsIn(document, schema, operationContext.schema);
    this.routes.set(key, answersAlike ? { service, url, operation: operationContext.operation, apiSchema: operationContext.schema, document } : null);
  };

  private subgraphSchema(service: string): GraphQLSchema | undefined {
    const supergraph = this.supergraph();
    const subgraph = supergraph?.subgraphs().get(service);
    if (!supergraph || !subgraph) return undefined;
    let schemas = this.subgraphSchemas.get(supergraph);
    if (!schemas) this.subgraphSchemas.set(supergraph, (schemas = new Map()));
    let schema = schemas.get(service);
    if (!schema) schemas.set(service, (schema = subgraph.schema.toGraphQLJSSchema()));
    return schema;
  }
}

function keyOf(query: string, operationName: string | undefined): string {
  return `${operationName ?? ''}\n${query}`;
}

/** No introspection and no directive but @skip/@include. */
function isPlain(document: DocumentNode): boolean {
  let plain = true;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') plain = false;
      return plain ? undefined : BREAK;
    },
    Directive(node) {
      if (!PLAIN_DIRECTIVES.has(node.name.value)) plain = false;
      return plain ? undefined : BREAK;
    },
  });
  return plain;
}

/** Every field the document selects has the same type and arguments in the subgraph's schema as in the gateway's. */
function sameFieldsIn(document: DocumentNode, subgraph: GraphQLSchema, gateway: GraphQLSchema): boolean {
  const typeInfo = new TypeInfo(subgraph);
  let same = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (node.name.value === '__typename' || !parent) return undefined;
        const theirs = typeInfo.getFieldDef();
        const gatewayParent = gateway.getType(parent.name);
        const ours = gatewayParent && (isObjectType(gatewayParent) || isInterfaceType(gatewayParent)) ? gatewayParent.getFields()[node.name.value] : undefined;
        same = theirs !== null && theirs !== undefined && ours !== undefined && signatureOf(theirs) === signatureOf(ours) && kindOf(theirs) === kindOf(ours);
        return same ? undefined : BREAK;
      },
    }),
  );
  return same;
}

function signatureOf(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `${arg.name}:${String(arg.type)}=${JSON.stringify(arg.defaultValue) ?? ''}`);
  return `${String(field.type)}(${args.join(',')})`;
}

/** Object, interface or union on both sides: the same name could be an object here and an interface there. */
function kindOf(field: GraphQLField<unknown, unknown>): string {
  return getNamedType(field.type).constructor.name;
}
