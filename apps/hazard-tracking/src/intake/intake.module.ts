import { FeatureModule } from '@campus/server';
import { raisedHazardHandlers } from './raised-hazards';

/** Hazards raised by other services' events (drill problems, supervision findings), registered once each. */
export const INTAKE_MODULE: FeatureModule = {
  name: 'intake',
  eventHandlers: () => raisedHazardHandlers(),
};
