import { HAZARD_REPORTER_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { IncidentStatus } from './incident-enums';
import { IncidentEntity } from './incident.entity';

/** Who follows an incident up and closes it: the unit's leader and safety officer, the school, the bureau. */
const INCIDENT_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const MANAGER_REFUSAL = '您无权处理该安全事件';

export type IncidentAction = 'REPORT' | 'FOLLOW_UP' | 'CLOSE';

/** 初报 opens an incident; 续报 follow it while it is open; 结案 closes it for good. */
export const INCIDENT_TRANSITIONS: TransitionTable<IncidentStatus, IncidentAction> = {
  // Everyone may report an incident in their scope, except those who are only counsellors.
  REPORT: {
    from: [],
    to: IncidentStatus.REPORTED,
    roles: HAZARD_REPORTER_ROLES,
    label: '报告',
    wrongState: '安全事件已报告',
    refusal: '您无权报告该单位的安全事件',
  },
  FOLLOW_UP: {
    from: [IncidentStatus.REPORTED],
    to: null,
    roles: INCIDENT_MANAGERS,
    label: '续报',
    wrongState: '事件已结案，不能再续报',
    refusal: MANAGER_REFUSAL,
  },
  CLOSE: {
    from: [IncidentStatus.REPORTED],
    to: IncidentStatus.CLOSED,
    roles: INCIDENT_MANAGERS,
    label: '结案',
    wrongState: '事件已结案',
    refusal: MANAGER_REFUSAL,
  },
};

export const INCIDENT_POLICY = policyFromTransitions('Incident', '安全事件', INCIDENT_TRANSITIONS, { view: viewRule() });

export const INCIDENT_ACCESS = scopedAccess(INCIDENT_POLICY, IncidentEntity);
