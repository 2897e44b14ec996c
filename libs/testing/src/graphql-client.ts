/** A small GraphQL-over-HTTP client, as a frontend would speak to the gateway (or a subgraph). */
/** A response body as tests and seeds read it. */
export type GraphQLData = Record<string, any>;

export interface GraphQLResponse<T = GraphQLData> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export class GraphQLRequestError extends Error {
  constructor(readonly response: GraphQLResponse) {
    super(`GraphQL errors: ${response.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join(' | ')}`);
  }
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token: string | null = null,
    /** Sent with every request, e.g. the gateway proof when a test calls a subgraph directly. */
    readonly headers: Record<string, string> = {},
  ) {}

  withToken(token: string | null): GraphQLClient {
    return new GraphQLClient(this.url, token, this.headers);
  }

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.headers,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /** Like request, but throws when the response carries errors. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data) throw new GraphQLRequestError(response as GraphQLResponse);
    return response.data;
  }

  async login(username: string, password: string): Promise<GraphQLClient> {
    const data = await this.data<{ login: { token: string } }>(
      'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
      { input: { username, password } },
    );
    return this.withToken(data.login.token);
  }
}
