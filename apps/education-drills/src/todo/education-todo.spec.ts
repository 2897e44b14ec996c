import { healthCheckItem } from './education-todo';

const TODAY = '2026-12-07';
const unit = (settings: string | null, entered: string | null) => ({ id: 'c1', path: '/s/college/c1/', name: '计算机2401班', settings, entered });

describe('a class’s missing health checks today', () => {
  it('asks for the default morning and noon checks not entered yet', () => {
    expect(healthCheckItem(unit(null, null), TODAY)).toEqual([
      { kind: 'HEALTH_CHECK_MISSING', title: '今日晨检、午检未填报：计算机2401班', detail: null, objectType: 'OrgUnit', objectId: 'c1', orgUnitId: 'c1', deadline: TODAY, urgency: 'DUE_TODAY' },
    ]);
    expect(healthCheckItem(unit(null, 'MORNING'), TODAY)[0].title).toBe('今日午检未填报：计算机2401班');
    expect(healthCheckItem(unit(null, 'NOON,MORNING'), TODAY)).toEqual([]);
  });

  it('follows the nearest unit’s schedule on the class’s path', () => {
    const settings = '/s/|s|MORNING;/s/college/|college|MORNING,NOON,EVENING';
    expect(healthCheckItem(unit(settings, 'MORNING,NOON'), TODAY)[0].title).toBe('今日晚检未填报：计算机2401班');
    expect(healthCheckItem(unit('/s/|s|MORNING', 'MORNING'), TODAY)).toEqual([]);
  });
});
