import { RevocationCheck, RevocationSet, RevokedSubject, Viewer } from '@campus/auth';
import { AccountAccessRevoked, EventHandler, on, PersonDeactivated } from '@campus/events';
import { Logger } from '@campus/logger';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob, RunCounts } from '../periodic-job';
import { AccessRevocations1764700000100 } from './access-revocations.migration';
import { FeatureModule, perService, ServiceBase } from './feature-module';

/** How often each process reads new revocations (and when a woken run cannot, the bound on top of event latency). */
export const REVOCATION_REFRESH_MS = 2000;
/** A deactivated person's tokens are refused this long: longer than the longest token lifetime (30 days). */
const PERSON_REVOCATION_KEEP_MS = 31 * 24 * 3600 * 1000;

/**
 * Every token revocation this process knows, in memory, refreshed from its service's `access_revocation`
 * table every REVOCATION_REFRESH_MS (and at once when this process applied one), so the check a subgraph runs
 * on each token costs a few map look-ups.
 */
export class AccessRevocations implements RevocationCheck {
  private readonly revoked = new RevocationSet();
  private lastId = 0;
  private job: PeriodicJob | null = null;

  constructor(private readonly dataSource: DataSource) {}

  isRevoked(viewer: Viewer): boolean {
    return this.revoked.isRevoked(viewer);
  }

  /** Reads the rows added since the last run, forgets what expired, and deletes expired rows. */
  async refresh(now = Date.now()): Promise<RunCounts> {
    const rows: { id: string; kind: RevokedSubject; subjectId: string; notBefore: Date; keepUntil: Date }[] = await this.dataSource.query(
      `SELECT id, subject_kind AS kind, subject_id AS subjectId, not_before AS notBefore, keep_until AS keepUntil
         FROM access_revocation WHERE id > ? AND keep_until > ? ORDER BY id`,
      [this.lastId, new Date(now)],
    );
    for (const row of rows) {
      this.revoked.add(row.kind, row.subjectId, row.notBefore.getTime(), row.keepUntil.getTime());
      this.lastId = Math.max(this.lastId, Number(row.id));
    }
    this.revoked.prune(now);
    const deleted: { affectedRows?: number } = await this.dataSource.query('DELETE FROM access_revocation WHERE keep_until <= ? LIMIT 1000', [new Date(now)]);
    return { revocationsLoaded: rows.length, revocationsDeleted: deleted.affectedRows ?? 0 };
  }

  /** The periodic refresh; one per process. */
  refreshJob(logger: Logger): PeriodicJob {
    this.job ??= new PeriodicJob('access-revocations', REVOCATION_REFRESH_MS, logger, () => this.refresh());
    return this.job;
  }

  /** A revocation was just committed here: read it now rather than at the end of the interval. */
  wake(): void {
    this.job?.wake();
  }
}

/** The one AccessRevocations of a service, shared by its event handlers, refresh job and token verifier. */
export const accessRevocationsOf = perService(({ dataSource }: ServiceBase) => new AccessRevocations(dataSource));

/** Stores one revocation; applied from events, in the transaction that records the event in the inbox. */
export async function storeRevocation(
  manager: EntityManager,
  kind: RevokedSubject,
  subjectId: string,
  notBefore: Date,
  keepUntil: Date,
): Promise<void> {
  await manager.query('INSERT INTO access_revocation (subject_kind, subject_id, not_before, keep_until) VALUES (?, ?, ?, ?)', [
    kind,
    subjectId,
    notBefore,
    keepUntil,
  ]);
}

function revocationHandlers(deps: ServiceBase): EventHandler<unknown>[] {
  const wake = () => accessRevocationsOf(deps).wake();
  return [
    on(
      AccountAccessRevoked,
      (manager, { payload }) =>
        payload.sessionId
          ? storeRevocation(manager, 'SESSION', payload.sessionId, new Date(payload.notBefore), new Date(payload.keepUntil))
          : storeRevocation(manager, 'ACCOUNT', payload.accountId, new Date(payload.notBefore), new Date(payload.keepUntil)),
      wake,
    ),
    // Tokens carry the person (`pid`): a deactivated person's tokens stop, whatever account they came from.
    on(PersonDeactivated, (manager, { payload }) => storeRevocation(manager, 'PERSON', payload.id, new Date(), new Date(Date.now() + PERSON_REVOCATION_KEEP_MS)), wake),
  ] as EventHandler<unknown>[];
}

/**
 * Prompt revocation, in every service: responsibility-network's `account.access-revoked` and
 * `person.deactivated` events become rows of `access_revocation`, which each process keeps in memory and
 * its token verifier checks (see service.ts). The kit adds this module to every service.
 */
export const ACCESS_REVOCATIONS_MODULE: FeatureModule = {
  name: 'access-revocations',
  migrations: [AccessRevocations1764700000100],
  eventHandlers: (deps) => revocationHandlers(deps),
  jobs: (deps) => [accessRevocationsOf(deps).refreshJob(deps.logger)],
};
