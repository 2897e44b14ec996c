import { z } from 'zod';
import { contract, id, isoDateTime } from './contract';
import { raisedHazardFacts } from './hazard-tracking';

// ---- supervision-appraisal
/** A supervision inspection's finding (督导检查发现的问题) handed to the unit to rectify. */
export const SupervisionFindingRaised = contract(
  'supervision-appraisal',
  'supervision.finding-raised',
  1,
  z.object({ id, supervisionId: id, supervisionTitle: z.string(), raisedAt: isoDateTime, ...raisedHazardFacts }),
);

