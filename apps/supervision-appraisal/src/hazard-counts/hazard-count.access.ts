import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { HazardMonthlyCountRow } from './hazard-count.entity';

/** Counts learnt from hazard-tracking's events: readable in scope, written only by the event handlers. */
export const HAZARD_COUNT_POLICY = definePolicy({
  aggregate: 'HazardMonthlyCount',
  label: '隐患月度统计',
  actions: { view: viewRule() },
});

export const HAZARD_COUNT_ACCESS = scopedAccess(HAZARD_COUNT_POLICY, HazardMonthlyCountRow);
