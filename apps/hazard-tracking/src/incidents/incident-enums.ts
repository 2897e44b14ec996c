import { INCIDENT_TYPE_LABELS as INCIDENT_TYPE_NAMES } from '@campus/events';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum IncidentType {
  FIRE = 'FIRE',
  TRAFFIC = 'TRAFFIC',
  FOOD_POISONING = 'FOOD_POISONING',
  INJURY = 'INJURY',
  DROWNING = 'DROWNING',
  VIOLENCE = 'VIOLENCE',
  LAB_ACCIDENT = 'LAB_ACCIDENT',
  BUILDING = 'BUILDING',
  EPIDEMIC = 'EPIDEMIC',
  NETWORK = 'NETWORK',
  OTHER = 'OTHER',
}

export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = INCIDENT_TYPE_NAMES as Record<IncidentType, string>;

/** Names as in the IncidentReported contract. */
export enum IncidentSeverity {
  GENERAL = 'GENERAL',
  LARGER = 'LARGER',
  MAJOR = 'MAJOR',
  GRAVE = 'GRAVE',
}

export const INCIDENT_SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  GENERAL: '一般',
  LARGER: '较大',
  MAJOR: '重大',
  GRAVE: '特别重大',
};

export enum IncidentStatus {
  REPORTED = 'REPORTED',
  CLOSED = 'CLOSED',
}

registerEnumType(IncidentType, { name: 'IncidentType', description: '安全事件类型', valuesConfig: describedBy(INCIDENT_TYPE_LABELS) });

registerEnumType(IncidentSeverity, {
  name: 'IncidentSeverity',
  description: '事件等级（一般/较大/重大/特别重大）',
  valuesConfig: describedBy(INCIDENT_SEVERITY_LABELS),
});

registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: '事件状态',
  valuesConfig: { REPORTED: { description: '已报告' }, CLOSED: { description: '已结案' } },
});
