import { HazardRegistered, HazardStatusChanged } from './contracts';

const registered = {
  id: 'h1',
  code: 'YH-2026-0001',
  orgUnitId: 'u1',
  orgPath: '/b/u1/',
  category: 'FIRE',
  grade: 'GENERAL',
  source: 'SELF_INSPECTION',
  status: 'REGISTERED',
  discoveredAt: '2026-11-24T01:00:00.000Z',
  registeredAt: '2026-11-24T02:00:00.000Z',
};
const changed = {
  id: 'h1',
  orgUnitId: 'u1',
  orgPath: '/b/u1/',
  grade: 'MAJOR',
  from: 'REGISTERED',
  to: 'VOIDED',
  changedAt: '2026-11-24T03:00:00.000Z',
  reason: '重复登记',
};

describe('hazard event contracts (v1)', () => {
  it('carry the version after the change, and still read events recorded without it', () => {
    expect(HazardRegistered.schema.parse({ ...registered, version: 1 })).toMatchObject({ status: 'REGISTERED', version: 1 });
    expect(HazardStatusChanged.schema.parse({ ...changed, version: 3 })).toMatchObject({ from: 'REGISTERED', to: 'VOIDED', version: 3 });
    expect(HazardRegistered.schema.safeParse(registered).success).toBe(true);
    expect(HazardStatusChanged.schema.safeParse(changed).success).toBe(true);
  });

  it('accept only the hazard statuses', () => {
    expect(HazardRegistered.schema.safeParse({ ...registered, status: 'LOST' }).success).toBe(false);
    expect(HazardStatusChanged.schema.safeParse({ ...changed, to: 'voided' }).success).toBe(false);
    expect(HazardStatusChanged.schema.safeParse({ ...changed, version: 0 }).success).toBe(false);
  });
});
