/**
 * What the audit trail keeps of a row's change: pure functions, no database (audit-diff.spec.ts).
 */

/**
 * Tables whose writes are not a person's mutation, left out deliberately: the event tables, projections of
 * other services' events, rollups and snapshots a job or an event keeps, the retry keys of create mutations,
 * the append-only logs that are their own trail, and the audit log itself.
 */
export const AUDIT_EXCLUDED_TABLES: readonly string[] = [
  'audit_log',
  'event_outbox',
  'event_inbox',
  'event_dead_letter',
  'client_request',
  'access_revocation',
  'campaign_snapshot',
  'campaign_snapshot_row',
  'hazard_monthly_count',
  'hazard_overdue',
  'hazard_code_counter',
  'hazard_code_sequence',
  'hazard_monthly',
  'appraisal_refresh',
  'appraisal_touched_path',
  'notification',
  'notification_delivery',
  'notification_hazard',
  'notification_report_due',
  'login_throttle',
  'role_grant_log',
  'section_pairing_log',
  'screening_access_log',
  'risk_register_access_log',
];

/** Table name patterns left out for the same reasons (projections and facts from events, rollups, counters). */
export const AUDIT_EXCLUDED_TABLE_PATTERNS: readonly RegExp[] = [/_projection$/, /_fact$/, /^education_coverage_/, /_rollup$/, /_counter$/, /_count$/];

/**
 * Columns never written to the trail, whatever the table: secrets (password hashes, tokens, keys). A change
 * to one is recorded as changed, with neither value.
 */
export const AUDIT_SECRET_COLUMNS: readonly string[] = [
  'password_hash',
  'passwordHash',
  'password',
  'token',
  'token_hash',
  'refresh_token',
  'secret',
  'api_key',
  'webhook_secret',
  // A robot's webhook address carries its access key (企业微信 key=, 钉钉 access_token=).
  'url',
  'webhook_url',
];

/** Bookkeeping columns every change touches: not part of what changed. */
export const AUDIT_IGNORED_COLUMNS: readonly string[] = ['version', 'updated_at', 'created_at'];

/**
 * Rows an aggregate owns (members of a group, slots of a roster, indicators of a scheme, steps of a hazard):
 * their entries are also filed under the aggregate, so its trail shows them.
 */
export const AUDIT_CHILD_TABLES: Readonly<Record<string, { parentType: string; column: string }>> = {
  work_group_member: { parentType: 'WorkGroup', column: 'group_id' },
  duty_slot: { parentType: 'DutyRoster', column: 'roster_id' },
  duty_slot_officer: { parentType: 'DutySlot', column: 'slot_id' },
  appraisal_indicator: { parentType: 'AppraisalScheme', column: 'scheme_id' },
  emergency_plan_revision: { parentType: 'EmergencyPlan', column: 'plan_id' },
  hazard_plan: { parentType: 'Hazard', column: 'hazard_id' },
  hazard_step: { parentType: 'Hazard', column: 'hazard_id' },
  responsibility_letter_item: { parentType: 'ResponsibilityLetter', column: 'letter_id' },
  post_duty: { parentType: 'Post', column: 'post_id' },
};

/** The aggregate a child row is filed under, from its columns; null for a row of its own. */
export function parentOf(table: string, columns: Record<string, unknown> | null): { type: string; id: string } | null {
  const child = AUDIT_CHILD_TABLES[table];
  const id = child ? columns?.[child.column] : undefined;
  return child && id !== undefined && id !== null ? { type: child.parentType, id: String(id) } : null;
}

export const REDACTED = '[已隐去]';

export function isAuditedTable(table: string): boolean {
  return !AUDIT_EXCLUDED_TABLES.includes(table) && !AUDIT_EXCLUDED_TABLE_PATTERNS.some((pattern) => pattern.test(table));
}

export function isSecretColumn(column: string): boolean {
  const lower = column.toLowerCase();
  return AUDIT_SECRET_COLUMNS.includes(column) || AUDIT_SECRET_COLUMNS.includes(lower) || /(password|secret|token|_url$)/.test(lower);
}

/** One changed field: its column name and its values before and after, as JSON text (null for none). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export type AuditAction = 'create' | 'update' | 'delete';

/** A column's value as stored in the trail: JSON text; dates as ISO strings; secrets redacted. */
export function auditValue(column: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (isSecretColumn(column)) return JSON.stringify(REDACTED);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value)) return JSON.stringify(`<${value.length} bytes>`);
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/**
 * The fields that differ between two column maps (column name → value; either side may be missing, for a
 * create or a delete). Bookkeeping columns are skipped; a secret column that changed appears redacted.
 */
export function diffColumns(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const columns = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const column of [...columns].sort()) {
    if (AUDIT_IGNORED_COLUMNS.includes(column)) continue;
    const was = auditValue(column, before?.[column]);
    const is = auditValue(column, after?.[column]);
    if (isSecretColumn(column)) {
      if (!sameValue(before?.[column], after?.[column])) changes.push({ field: column, before: was, after: is });
      continue;
    }
    if (was !== is) changes.push({ field: column, before: was, after: is });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The object id of a row: its single primary key, or its composite key's values joined by ':'. */
export function objectIdOf(primary: Record<string, unknown>): string {
  return Object.keys(primary)
    .sort()
    .map((key) => String(primary[key]))
    .join(':');
}

/** The audited object type of an entity class: its name without the `Entity`/`Row` suffix (HazardEntity → Hazard). */
export function objectTypeOf(entityName: string): string {
  return entityName.replace(/(Entity|ProjectionRow|Row)$/, '') || entityName;
}
