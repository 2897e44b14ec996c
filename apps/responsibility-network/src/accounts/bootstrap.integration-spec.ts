import { RESPONSIBILITY_BOOTSTRAP, ResponsibilityFixture, startResponsibilityFixture } from '../testing/responsibility-fixture';

const ME = '{ me { username person { id name orgUnitId } } }';

/** BOOTSTRAP_ADMIN_NAME: the first administrator is a person of the root unit, so they have an inbox and a to-do list. */
describe('responsibility-network: bootstrapping an administrator who is a person (integration)', () => {
  let fx: ResponsibilityFixture;

  beforeAll(async () => {
    fx = await startResponsibilityFixture('bootstrap_person', { ...RESPONSIBILITY_BOOTSTRAP, adminName: '周文彬' });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('creates the person in the root unit, links the account to it and announces the person', async () => {
    const { me } = await fx.runner.data(fx.admin, ME);
    expect(me).toMatchObject({ username: RESPONSIBILITY_BOOTSTRAP.adminUsername, person: { name: '周文彬', orgUnitId: fx.root.id } });
    const [event] = await fx.db.dataSource.query("SELECT payload FROM event_outbox WHERE event_type = 'person.created'");
    expect(JSON.parse(event.payload)).toMatchObject({ id: me.person.id, name: '周文彬', kind: 'STAFF', orgUnitId: fx.root.id, orgPath: fx.root.path, active: true });
  });
});
