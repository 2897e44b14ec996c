import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '@campus/platform';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';
import { MatrixReport, securityMatrix } from './security-matrix/run';
import { planMatrix, runMatrix } from './security-matrix/matrix';
import { ANONYMOUS, RoleScope } from './security-matrix/scope';
import { rootFields } from './security-matrix/schema';

/**
 * Broken object- and function-level authorisation (BOLA/BFLA), generated from the composed schema: every
 * root query and mutation, called through the gateway as each demo role and with no token, against objects
 * of units outside the caller's scope (and the admin-only mutations against its own), must be refused. A
 * new root field is called too; one without a scope check fails here. Runs on the fixture's own platform,
 * since a call that wrongly succeeds changes data.
 */
describe('security matrix: every root field, every demo role, objects outside its scope', () => {
  let fixture: PlatformFixture;
  let report: MatrixReport;

  beforeAll(async () => {
    const started = Date.now();
    fixture = await startPlatformFixture(4760);
    const platformReady = Date.now();
    report = await securityMatrix(fixture.gateway, fixture.as, fixture.unitIds.YZ);
    const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
    console.log(
      `security matrix: ${report.objects} objects known (${report.made} made for it); platform ${((platformReady - started) / 1000).toFixed(1)} s, matrix ${seconds(platformReady)} s\n${report.summary.table}`,
    );
    const refusals: Record<string, number> = {};
    for (const outcome of report.outcomes) refusals[outcome.why] = (refusals[outcome.why] ?? 0) + 1;
    const file = path.join(ROOT, 'tmp/security-matrix.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const inputRefusals = report.outcomes.filter((outcome) => outcome.why === 'BAD_USER_INPUT').map((outcome) => `${outcome.call.field} as ${outcome.call.role}`);
    const fieldsBy = (kind: string) => new Set(report.outcomes.filter((o) => o.call.kind === kind && o.call.role !== ANONYMOUS).map((o) => o.call.field)).size;
    const fieldsCalled = { foreignObjects: fieldsBy('bola'), plainReads: fieldsBy('read'), adminOnly: fieldsBy('bfla') };
    writeFileSync(file, JSON.stringify({ ...report.summary, fieldsCalled, refusals, inputRefusals, unexercised: report.unexercised }, null, 2));
  }, 240_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('knows the type every id argument names, and reads every list it collects targets from', () => {
    expect(report.problems).toEqual([]);
    expect(report.unreadable).toEqual([]);
  });

  it('calls every root field as a signed-in role, or lists it in the allow-list with a reason', () => {
    expect(report.unexercised).toEqual([]);
  });

  it('calls every field as each role: with no token, each role against foreign objects, and the admin-only mutations', () => {
    const callers = new Set(report.outcomes.map((outcome) => outcome.call.role));
    expect(callers).toEqual(new Set([ANONYMOUS, 'school.head', 'safety.office', 'xx.leader', 'xx.officer', 'jd.officer', 'grid.officer', 'inspector', 'counselor', 'staff']));
    const foreignCalls = (role: string) => report.outcomes.filter((outcome) => outcome.call.role === role && outcome.call.kind === 'bola').length;
    for (const role of ['school.head', 'safety.office', 'xx.leader', 'xx.officer', 'jd.officer', 'grid.officer', 'counselor', 'staff']) {
      expect(foreignCalls(role)).toBeGreaterThan(100);
    }
    expect(report.outcomes.filter((outcome) => outcome.call.role === 'inspector' && outcome.call.kind === 'bfla').length).toBeGreaterThan(20);
  });

  it('is refused every call: an error naming the object, a null, or a list without foreign objects', () => {
    const admitted = report.outcomes
      .filter((outcome) => !outcome.denied)
      .map((outcome) => `${outcome.call.kind} ${outcome.call.field} as ${outcome.call.role}: ${outcome.why}`);
    expect(admitted).toEqual([]);
    expect(report.summary.denied).toBe(report.summary.tried);
    // Refusals prove something only if every role was still signed in (and unharmed) at the end.
    expect(report.signedOut).toEqual([]);
  });

  it('would catch a hole: xx.officer judged as if its grant were at 县第一中学政教处, its own college’s lists are leaks', async () => {
    const { schema, registry, clients } = report.context;
    const pretended = new RoleScope({ name: 'xx.officer', unitIds: [fixture.unitIds['YZ-ZWC']] }, registry);
    const fields = rootFields(schema).filter((root) => ['hazards', 'places', 'grids', 'hazard', 'updateHazard'].includes(root.name));
    const { calls } = planMatrix(schema, fields, [pretended]);
    const outcomes = await runMatrix(calls, clients);
    const leaks = outcomes.filter((outcome) => !outcome.denied && outcome.call.kind === 'read');
    expect(leaks.map((outcome) => outcome.call.field).sort()).toEqual(['grids', 'hazards', 'places']);
    expect(leaks[0].why).toMatch(/^reveals foreign /);
  });
});
