import { EntityManager } from 'typeorm';
import { HealthCheckSession } from './health-check-enums';
import { DEFAULT_SESSIONS, SESSION_ORDER } from './health-check-timing';
import { HealthCheckScheduleEntity } from './health-check.entity';

export interface SessionsSetting {
  sessions: HealthCheckSession[];
  /** The unit whose setting applies; null for the default. */
  setAtUnitId: string | null;
}

function ordered(sessions: string): HealthCheckSession[] {
  const chosen = sessions.split(',');
  return SESSION_ORDER.filter((session) => chosen.includes(session));
}

/** The nearest setting at or above a unit's path among the given settings (the default when none). */
export function sessionsFrom(settings: readonly Pick<HealthCheckScheduleEntity, 'orgPath' | 'orgUnitId' | 'sessions'>[], path: string): SessionsSetting {
  const nearest = settings.filter((setting) => path.startsWith(setting.orgPath)).sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
  return nearest ? { sessions: ordered(nearest.sessions), setAtUnitId: nearest.orgUnitId } : { sessions: [...DEFAULT_SESSIONS], setAtUnitId: null };
}

/** The settings that can apply to the unit at `path` or to a unit below it: one statement. */
export async function settingsAround(manager: EntityManager, path: string): Promise<HealthCheckScheduleEntity[]> {
  return manager
    .createQueryBuilder(HealthCheckScheduleEntity, 's')
    .where('(LEFT(:path, CHAR_LENGTH(s.org_path)) = s.org_path OR s.org_path LIKE :below)', {
      path,
      below: `${path.replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
    })
    .getMany();
}

export async function sessionsAt(manager: EntityManager, path: string): Promise<SessionsSetting> {
  return sessionsFrom(await settingsAround(manager, path), path);
}
