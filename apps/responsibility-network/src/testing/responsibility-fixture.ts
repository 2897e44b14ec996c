import { Role, Viewer } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { bootstrapIfEmpty, BootstrapSettings } from '../accounts/bootstrap';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { buildResponsibilitySchema, RESPONSIBILITY_MODULES } from '../service';

/**
 * The setup every responsibility-network integration spec shares: a fresh migrated database with
 * the root bureau bootstrapped, the subgraph schema behind a SchemaRunner, the bureau admin logged
 * in, and helpers to create units and people as that admin.
 */

export const RESPONSIBILITY_BOOTSTRAP: BootstrapSettings = {
  rootCode: 'JYJ',
  rootName: '市教育局',
  rootKind: OrgUnitKind.BUREAU,
  adminUsername: 'bureau-admin',
  adminPassword: 'bureau-admin-password',
};

const UNIT_FIELDS = 'id code name kind parentId path depth version';
const PERSON_FIELDS = 'id name kind orgUnitId phone version';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { account { id grants { role orgUnit { ${UNIT_FIELDS} } } } }
}`;
const CREATE_UNIT = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { ${UNIT_FIELDS} } } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { ${PERSON_FIELDS} } } }`;

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  depth: number;
  version: number;
}

export interface Person {
  id: string;
  name: string;
  kind: string;
  orgUnitId: string;
  phone: string | null;
  version: number;
}

export interface ResponsibilityFixture {
  db: TestDatabase;
  runner: SchemaRunner;
  /** The settings the root bureau and its admin were bootstrapped with. */
  bootstrap: BootstrapSettings;
  /** Whether bootstrapIfEmpty created the root (it always should, on a fresh database). */
  bootstrapped: boolean;
  /** The bureau admin, as the login mutation returned them. */
  admin: Viewer;
  root: Unit;
  /** Creates a unit as the admin; the name defaults to the code. */
  createUnit(parentId: string, code: string, kind: OrgUnitKind, name?: string): Promise<Unit>;
  /** Creates a STAFF person as the admin; `extra` adds to or overrides the input (phone, kind, ...). */
  createPerson(orgUnitId: string, name: string, extra?: Record<string, unknown>): Promise<Person>;
  /**
   * A viewer with one grant on `unit`. The account id is made up: `account-of-<personId>` when a
   * person is given, otherwise `<role>@<unit id>`.
   */
  viewerAt(role: Role, unit: { id: string; path: string }, personId?: string): Viewer;
  drop(): Promise<void>;
}

/** Starts one spec's fixture; `label` names its test database. Call `drop()` in afterAll. */
export async function startResponsibilityFixture(
  label: string,
  bootstrap: BootstrapSettings = RESPONSIBILITY_BOOTSTRAP,
): Promise<ResponsibilityFixture> {
  const db = await createServiceTestDatabase(label, RESPONSIBILITY_MODULES);
  try {
    return await startOn(db, bootstrap);
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** Everything after the database exists; startResponsibilityFixture drops the database if this fails. */
async function startOn(db: TestDatabase, bootstrap: BootstrapSettings): Promise<ResponsibilityFixture> {
  const bootstrapped = await bootstrapIfEmpty(db.dataSource, bootstrap);
  const runner = new SchemaRunner(
    await buildResponsibilitySchema(db.dataSource, { jwtSecret: 'integration-secret', ttlSeconds: 3600 }, NO_OUTBOX_SIGNAL),
  );

  const login = await runner.data<{ login: { account: { id: string; grants: { role: Role; orgUnit: Unit }[] } } }>(null, LOGIN, {
    input: { username: bootstrap.adminUsername, password: bootstrap.adminPassword },
  });
  const [grant] = login.login.account.grants;
  const root = grant.orgUnit;
  const admin = viewerWith(login.login.account.id, [[grant.role, root.id, root.path]]);

  async function createUnit(parentId: string, code: string, kind: OrgUnitKind, name = code): Promise<Unit> {
    const data = await runner.data<{ createOrgUnit: { orgUnit: Unit } }>(admin, CREATE_UNIT, { input: { parentId, code, name, kind } });
    return data.createOrgUnit.orgUnit;
  }

  async function createPerson(orgUnitId: string, name: string, extra: Record<string, unknown> = {}): Promise<Person> {
    const data = await runner.data<{ createPerson: { person: Person } }>(admin, CREATE_PERSON, {
      input: { orgUnitId, name, kind: 'STAFF', ...extra },
    });
    return data.createPerson.person;
  }

  function viewerAt(role: Role, unit: { id: string; path: string }, personId?: string): Viewer {
    const accountId = personId ? `account-of-${personId}` : `${role}@${unit.id}`;
    return viewerWith(accountId, [[role, unit.id, unit.path]], personId ?? null);
  }

  return { db, runner, bootstrap, bootstrapped, admin, root, createUnit, createPerson, viewerAt, drop: () => db.drop() };
}
