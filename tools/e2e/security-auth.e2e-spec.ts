import { gatewayProofHeaders } from '@campus/server';
import { eventually, GraphQLClient, GraphQLResponse } from '@campus/testing';
import { DEMO_PASSWORD, SUBGRAPHS } from '@campus/platform';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** Long enough for the 60 s promise, never a timed assertion: each poll stops as soon as the refusal shows. */
const REVOCATION_WAIT_MS = 60_000;
const ME = '{ me { id username } }';

/**
 * Login throttling and prompt revocation (issue 13), through real HTTP: a revoked grant, a deactivated
 * person and a logged-out session stop working at the gateway and at every subgraph called directly; 30
 * wrong passwords lock the account, and the right password is refused until the time the message names.
 */
describe('security: login throttling and prompt revocation', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4720);
    admin = await fixture.as('bureau.admin');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  const isUnauthenticated = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';

  /** The token, called with at the gateway and at each subgraph directly (with the gateway's proof, as a caller inside would). */
  function endpoints(token: string | null): [string, GraphQLClient][] {
    const proof = gatewayProofHeaders(fixture.platform.gatewaySecret);
    return [
      ['gateway', fixture.gateway.withToken(token)],
      ...SUBGRAPHS.map((name): [string, GraphQLClient] => [name, new GraphQLClient(fixture.platform.subgraphUrl(name), token, proof)]),
    ];
  }

  /** Polls every endpoint until it refuses the token (or the wait is over), and expects the refusal in Chinese. */
  async function expectRefusedEverywhere(token: string): Promise<void> {
    for (const [name, client] of endpoints(token)) {
      const query = name === 'gateway' || name === 'responsibility-network' ? ME : '{ __typename }';
      const response = await eventually(() => client.request(query), isUnauthenticated, REVOCATION_WAIT_MS, 250);
      expect({ name, error: response.errors?.[0] }).toEqual({
        name,
        error: expect.objectContaining({ message: expect.stringContaining('登录已失效，请重新登录'), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
      });
    }
  }

  async function expectAcceptedEverywhere(token: string): Promise<void> {
    for (const [name, client] of endpoints(token)) {
      const response = await client.request(name === 'gateway' || name === 'responsibility-network' ? ME : '{ __typename }');
      expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
    }
  }

  it('a logged-out session is refused everywhere; another session of the same account keeps working', async () => {
    const leaving = await fixture.as('staff');
    const staying = await fixture.as('staff');
    await expectAcceptedEverywhere(leaving.token as string);

    expect((await leaving.data('mutation { logout { loggedOut } }')).logout.loggedOut).toBe(true);
    await expectRefusedEverywhere(leaving.token as string);
    await expectAcceptedEverywhere(staying.token as string);
  });

  it('a revoked grant: the account’s tokens are refused everywhere, and a new login carries what is left', async () => {
    const inspector = await fixture.as('inspector');
    const me = await inspector.data('{ me { grants { id role } } }');
    const [grant] = me.me.grants;
    expect(grant.role).toBe('INSPECTOR');
    await expectAcceptedEverywhere(inspector.token as string);

    await admin.data('mutation($id: ID!) { revokeRole(grantId: $id) { grant { role } } }', { id: grant.id });
    await expectRefusedEverywhere(inspector.token as string);
    const again = await fixture.as('inspector');
    expect((await again.data('{ me { grants { role } } }')).me.grants).toEqual([]);
  });

  it('a deactivated person: their tokens are refused everywhere and they cannot log in', async () => {
    const counselor = await fixture.as('counselor');
    const person = (await counselor.data('{ me { person { id version } } }')).me.person;
    await admin.data('mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }', {
      input: { id: person.id, version: person.version },
    });
    await expectRefusedEverywhere(counselor.token as string);
    const login = await fixture.gateway.request('mutation($input: LoginInput!) { login(input: $input) { token } }', {
      input: { username: 'counselor', password: DEMO_PASSWORD },
    });
    expect(login.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' });
  });

  // Last: the failures also count against 127.0.0.1, which every test here logs in from.
  it('30 wrong passwords, then the right one is refused with the lockout and the time to retry', async () => {
    const login = (password: string) =>
      fixture.gateway.request('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'jd.officer', password } });
    const reasons = new Set<string>();
    for (let attempt = 1; attempt <= 30; attempt++) reasons.add(String((await login(`Wrong-${attempt}`)).errors?.[0].extensions?.reason));
    expect([...reasons].sort()).toEqual(['LOGIN_DELAYED', 'LOGIN_LOCKED', 'WRONG_CREDENTIALS']);

    const right = await login(DEMO_PASSWORD);
    expect(right.data?.login ?? null).toBeNull();
    expect(right.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/登录失败次数过多，该账号已临时锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 后再试/),
      extensions: { code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAt: expect.any(String) },
    });
    expect(Date.parse(right.errors?.[0].extensions?.retryAt)).toBeGreaterThan(Date.now() + 10 * 60_000);
  });
});
