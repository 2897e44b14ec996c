import { EntityManager } from 'typeorm';
import { proposeAccountability } from '../accountability/accountability-proposals';
import { AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';

/**
 * Each year-end veto proposes an accountability record (问责) against the vetoed unit, for the appraising
 * unit to confirm or dismiss: nothing is sanctioned automatically. Once per appraisal, however often the
 * year-end is computed.
 */
export async function proposeVetoAccountability(manager: EntityManager, scheme: AppraisalSchemeEntity): Promise<number> {
  const vetoed: { id: string; org_unit_id: string; org_path: string; reasons: string }[] = await manager.query(
    `SELECT a.id, a.org_unit_id, a.org_path, GROUP_CONCAT(v.reason ORDER BY v.reason SEPARATOR '；') AS reasons
       FROM appraisal a JOIN appraisal_veto v ON v.appraisal_id = a.id
      WHERE a.scheme_id = ? AND a.stage = 'YEAR_END' GROUP BY a.id, a.org_unit_id, a.org_path`,
    [scheme.id],
  );
  let created = 0;
  for (const appraisal of vetoed) {
    const proposed = await proposeAccountability(manager, {
      source: { kind: 'APPRAISAL_VETO', id: appraisal.id },
      orgUnitId: appraisal.org_unit_id,
      orgPath: appraisal.org_path,
      issuingUnit: { orgUnitId: scheme.orgUnitId, orgPath: scheme.orgPath },
      reason: 'VETO',
      measure: 'DISQUALIFY_HONOURS',
      description: `${scheme.name}一票否决：${appraisal.reasons}`.slice(0, 1000),
      evidence: [{ kind: 'APPRAISAL_VETO', refId: appraisal.id, label: scheme.name }],
    });
    if (proposed?.created) created += 1;
  }
  return created;
}
