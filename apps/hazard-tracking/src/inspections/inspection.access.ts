import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { InspectionEntity } from './inspection.entity';

/** Inspections are recorded by performing a task (InspectionTask.PERFORM); here, who reads them. */
export const INSPECTION_POLICY = definePolicy({
  aggregate: 'Inspection',
  label: '检查记录',
  actions: { view: viewRule() },
});

export const INSPECTION_ACCESS = scopedAccess(INSPECTION_POLICY, InspectionEntity);
