import { recordEvent, WorkGroupChanged } from '@campus/events';
import { EntityManager } from 'typeorm';
import { WorkGroupEntity } from './work-group.entity';

/** work-group.changed: what others that name the group by reference (a supervision's 督导组) need to know of it. */
export async function recordWorkGroupChanged(manager: EntityManager, group: WorkGroupEntity): Promise<void> {
  const { id, kind, name, orgUnitId, orgPath, active, version } = group;
  await recordEvent(manager, WorkGroupChanged, id, { id, kind, name, orgUnitId, orgPath, active, version });
}
