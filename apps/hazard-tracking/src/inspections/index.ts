import { OutboxSignal } from '@campus/events';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { Inspections1764400000030 } from '../migrations/1764400000030-inspections';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
import { ChecklistTemplateResolver } from './checklist.resolver';
import { ChecklistService } from './checklist.service';
import { InspectionCompletionService } from './inspection-completion.service';
import { InspectionTaskResolver } from './inspection-task.resolver';
import { InspectionOptions, InspectionTaskService } from './inspection-task.service';
import { InspectionEntity, InspectionResultEntity, InspectionTaskEntity } from './inspection.entity';
import { InspectionResolver } from './inspection.resolver';
import { InspectionService } from './inspection.service';

export { ChecklistTemplateResolver } from './checklist.resolver';
export { InspectionTaskResolver } from './inspection-task.resolver';
export { InspectionResolver } from './inspection.resolver';
export { InspectionOptions } from './inspection-task.service';
export { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
export { InspectionEntity, InspectionResultEntity, InspectionTaskEntity } from './inspection.entity';

export const INSPECTION_ENTITIES = [ChecklistTemplateEntity, ChecklistItemEntity, InspectionTaskEntity, InspectionEntity, InspectionResultEntity];
export const INSPECTION_MIGRATIONS = [Inspections1764400000030];
/** Tables with an org_path that follows a moved unit. */
export const INSPECTION_SCOPED_TABLES = ['checklist_template', 'inspection_task', 'inspection'];
export const INSPECTION_RESOLVERS = [ChecklistTemplateResolver, InspectionTaskResolver, InspectionResolver] as const;

/** The resolver instances of checklists, tasks and inspections, keyed by class for the schema's container. */
export function createInspectionResolvers(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  outbox: OutboxSignal,
  options: InspectionOptions = {},
): [Function, unknown][] {
  const checklists = new ChecklistService(dataSource, directory);
  const tasks = new InspectionTaskService(dataSource, directory, checklists, options);
  return [
    [ChecklistTemplateResolver, new ChecklistTemplateResolver(checklists)],
    [InspectionTaskResolver, new InspectionTaskResolver(tasks, checklists)],
    [
      InspectionResolver,
      new InspectionResolver(new InspectionService(dataSource, directory, outbox, options), tasks, new InspectionCompletionService(dataSource, directory, options)),
    ],
  ];
}
