import { z } from 'zod';
import { calendarDate, contract, id, isoDateTime, orgPath } from './contract';

/**
 * One step taken on a hazard (any action of its loop, whether or not the status changed), naming the people
 * it concerns, so that responsibility-network can tell them (notifications): the responsible person once a
 * plan names one, the rectifier when an acceptance fails. No free text beyond the hazard's own title, and no
 * title at all for a sensitive (e.g. psychological) hazard: `sensitive` tells the consumer to name it by code.
 */
export const HazardActionTaken = contract(
  'hazard-tracking',
  'hazard.action-taken',
  1,
  z.object({
    id,
    code: z.string(),
    /** The hazard's title; null for a sensitive hazard. */
    title: z.string().nullable(),
    sensitive: z.boolean(),
    orgUnitId: id,
    orgPath,
    /** The loop action (SUBMIT_PLAN, START_RECTIFICATION, FAIL_ACCEPTANCE, …). */
    action: z.string(),
    from: z.string(),
    to: z.string(),
    deadline: calendarDate.nullable(),
    responsiblePersonId: id.nullable(),
    rectifiedByPersonId: id.nullable(),
    actorPersonId: id.nullable(),
    at: isoDateTime,
  }),
);
