import { createTokenVerifier, Role, RoleGrant, signToken } from '@campus/auth';
import { DiskStore } from '@campus/files';
import { createLogger } from '@campus/logger';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createHttpApp, listen } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DRILLS_MODULE } from '../drills/drills.module';
import { EMERGENCY_PLANS_MODULE } from '../emergency-plans/emergency-plans.module';
import { PEOPLE_MODULE } from '../people/people.module';
import { buildEducationSchema } from '../service';
import { DOCUMENTS_MODULE, mountDocuments } from './documents.module';

export const SECRET = 'education-documents-secret-0123456789abcdef';
export const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
/** The modules documents stand on. */
const MODULES = [EMERGENCY_PLANS_MODULE, DRILLS_MODULE, DOCUMENTS_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];

export interface Person {
  accountId: string;
  personId: string;
  grants: [Role, keyof typeof PATHS][];
}

/** The status and JSON of an upload: the record (201) or the refusal. */
export interface UploadAnswer {
  status: number;
  body: { id: string; message: string; [field: string]: unknown };
}

export const viewerOf = (person: Person) => viewerWith(person.accountId, person.grants.map(([role, unit]) => [role, unit, PATHS[unit]]), person.personId);

/** education-drills' documents served over real HTTP on a disk store, on a test database with its GraphQL schema beside. */
export class DocumentsTestServer {
  db: TestDatabase;
  runner: SchemaRunner;
  baseUrl: string;
  storeDir: string;
  private server: http.Server;
  private readonly tokens = new Map<Person, string>();

  async start(maxBytes: number, now: () => Date): Promise<void> {
    this.db = await createServiceTestDatabase('education_documents', MODULES);
    this.runner = new SchemaRunner(await buildEducationSchema(this.db.dataSource, fixedOrgDirectory(PATHS), undefined, { now }, MODULES));
    this.storeDir = await mkdtemp(path.join(os.tmpdir(), 'education-documents-'));
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    const settings = { maxBytes, createStore: () => new DiskStore(this.storeDir) };
    mountDocuments(app, { dataSource: this.db.dataSource, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) }, settings);
    this.server = http.createServer(app);
    await listen(this.server, 0, '127.0.0.1');
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
    await this.db?.drop();
    if (this.storeDir) await rm(this.storeDir, { recursive: true, force: true });
  }

  async tokenOf(person: Person): Promise<string> {
    if (!this.tokens.has(person)) {
      const grants: RoleGrant[] = person.grants.map(([role, unit]) => ({ role, unitId: unit, path: PATHS[unit] }));
      this.tokens.set(person, await signToken({ accountId: person.accountId, personId: person.personId, grants }, SECRET, 600));
    }
    return this.tokens.get(person)!;
  }

  /** POST /documents as the person: the fields first, then the file. */
  async upload(person: Person, fields: Record<string, string>, content: Buffer, filename: string, declaredType = 'application/octet-stream'): Promise<UploadAnswer> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type: declaredType }), filename);
    const response = await fetch(`${this.baseUrl}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await this.tokenOf(person)}` } });
    return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
  }

  async download(person: Person, id: string): Promise<Response> {
    return fetch(`${this.baseUrl}/documents/${id}`, { headers: { authorization: `Bearer ${await this.tokenOf(person)}` } });
  }

  async storedFiles(): Promise<string[]> {
    const entries = await readdir(this.storeDir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }
}
