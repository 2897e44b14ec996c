import { z } from 'zod';
import { contract, id, isoDateTime, orgPath } from './contract';
import { raisedHazardFacts } from './hazard-tracking';

// ---- supervision-appraisal
/** A supervision inspection's finding (督导检查发现的问题) handed to the unit to rectify. */
export const SupervisionFindingRaised = contract(
  'supervision-appraisal',
  'supervision.finding-raised',
  1,
  z.object({ id, supervisionId: id, supervisionTitle: z.string(), raisedAt: isoDateTime, ...raisedHazardFacts }),
);


/** A 问责/通报 record against a unit or a person of it (ids only, no names); reason and measure are AccountabilityReason / AccountabilityMeasure. */
const accountabilityFacts = {
  id,
  targetKind: z.enum(['UNIT', 'PERSON']),
  /** The unit's id, or the person's. */
  targetId: id,
  /** The target unit, or the unit the person belonged to when the record was made. */
  orgUnitId: id,
  orgPath,
  issuingUnitId: id,
  reason: z.string(),
  measure: z.string(),
};
/** Confirmed (记录在案) by a person of the issuing unit: a proposal becomes a sanction only here. */
export const AccountabilityRecorded = contract('supervision-appraisal', 'accountability.recorded', 1, z.object({ ...accountabilityFacts, confirmedAt: isoDateTime }));
/** A confirmed record revoked (撤销) by its issuing unit: it no longer counts. */
export const AccountabilityRevoked = contract('supervision-appraisal', 'accountability.revoked', 1, z.object({ ...accountabilityFacts, revokedAt: isoDateTime }));

/**
 * A unit's first submission of a periodic report (周安排、月调度、季报告) for one period, on time or late (after the
 * period's due time); resubmissions are not announced. cadence is ReportCadence (WEEKLY, MONTHLY, QUARTERLY, ANNUAL).
 */
export const PeriodicReportSubmitted = contract(
  'supervision-appraisal',
  'periodic-report.submitted',
  1,
  z.object({
    id,
    templateId: id,
    cadence: z.string(),
    periodKey: z.string(),
    orgUnitId: id,
    orgPath,
    issuingUnitId: id,
    late: z.boolean(),
    dueAt: isoDateTime,
    submittedAt: isoDateTime,
  }),
);
