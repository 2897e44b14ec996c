import { FeatureModule } from '@campus/server';
import { Inspections1764400000030 } from '../migrations/1764400000030-inspections';
import { InspectionTaskCampaign1765000000900 } from '../migrations/1765000000900-inspection-task-campaign';
import type { HazardDeps } from '../service';
import { CHECKLIST_TEMPLATE_POLICY } from './checklist.access';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
import { ChecklistTemplateResolver } from './checklist.resolver';
import { ChecklistService } from './checklist.service';
import { InspectionCompletionService } from './inspection-completion.service';
import { INSPECTION_TASK_POLICY } from './inspection-task.access';
import { InspectionTaskResolver } from './inspection-task.resolver';
import { InspectionTaskService } from './inspection-task.service';
import { INSPECTION_POLICY } from './inspection.access';
import { InspectionEntity, InspectionResultEntity, InspectionTaskEntity } from './inspection.entity';
import { InspectionResolver } from './inspection.resolver';
import { InspectionService } from './inspection.service';

/** 安全检查: checklist templates, inspection tasks on a cadence, inspections raising hazards, completion rates. */
export const INSPECTIONS_MODULE: FeatureModule<HazardDeps> = {
  name: 'inspections',
  entities: [ChecklistTemplateEntity, ChecklistItemEntity, InspectionTaskEntity, InspectionEntity, InspectionResultEntity],
  migrations: [Inspections1764400000030, InspectionTaskCampaign1765000000900],
  scopedTables: ['checklist_template', 'inspection_task', 'inspection'],
  policies: [CHECKLIST_TEMPLATE_POLICY, INSPECTION_TASK_POLICY, INSPECTION_POLICY],
  resolvers: ({ dataSource, directory, outbox, settings, hazardExtensions }) => {
    const options = { now: settings.now, outbox, checkCampaignLink: hazardExtensions.checkCampaignLink };
    const checklists = new ChecklistService(dataSource, directory);
    const tasks = new InspectionTaskService(dataSource, directory, checklists, options);
    return [
      new ChecklistTemplateResolver(checklists),
      new InspectionTaskResolver(tasks, checklists),
      new InspectionResolver(new InspectionService(dataSource, directory, outbox, options), tasks, new InspectionCompletionService(dataSource, directory, options)),
    ];
  },
};
