import { FieldProblem } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/**
 * A building's 消防验收 standing. 验收 (an acceptance opinion from the fire/construction authority) and 备案
 * (filing, for buildings below the acceptance threshold, with spot checks) are distinct procedures in the
 * regulations; both leave the building lawfully in use, so both count as done.
 */
export enum FireAcceptanceStatus {
  ACCEPTED = 'ACCEPTED',
  FILED = 'FILED',
  IN_PROGRESS = 'IN_PROGRESS',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  EXEMPT = 'EXEMPT',
}

export const FIRE_ACCEPTANCE_STATUS_LABELS: Record<FireAcceptanceStatus, string> = {
  ACCEPTED: '已验收合格',
  FILED: '已备案',
  IN_PROGRESS: '验收中',
  NOT_ACCEPTED: '未验收',
  EXEMPT: '无需验收',
};

registerEnumType(FireAcceptanceStatus, {
  name: 'FireAcceptanceStatus',
  description: '消防验收状态',
  valuesConfig: {
    ACCEPTED: { description: '已验收合格（取得消防验收意见书）' },
    FILED: { description: '已备案（消防验收备案）' },
    IN_PROGRESS: { description: '验收中' },
    NOT_ACCEPTED: { description: '未验收' },
    EXEMPT: { description: '无需验收（须说明理由）' },
  },
});

/** The statuses that leave a building in use without acceptance: what the bureau's list shows. */
export const UNACCEPTED_STATUSES: readonly FireAcceptanceStatus[] = [FireAcceptanceStatus.NOT_ACCEPTED, FireAcceptanceStatus.IN_PROGRESS];

export interface FireAcceptanceFacts {
  status: FireAcceptanceStatus;
  documentNumber?: string | null;
  acceptedOn?: string | null;
  authority?: string | null;
  exemptReason?: string | null;
}

/** What a status needs: an acceptance or filing names its document, date and authority; an exemption its reason. */
export function fireAcceptanceProblems(facts: FireAcceptanceFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const documented = facts.status === FireAcceptanceStatus.ACCEPTED || facts.status === FireAcceptanceStatus.FILED;
  if (documented) {
    const what = facts.status === FireAcceptanceStatus.ACCEPTED ? '消防验收意见书文号' : '备案凭证编号';
    if (!facts.documentNumber?.trim()) problems.push({ field: 'documentNumber', message: `${FIRE_ACCEPTANCE_STATUS_LABELS[facts.status]}须填写${what}` });
    if (!facts.acceptedOn) problems.push({ field: 'acceptedOn', message: `${FIRE_ACCEPTANCE_STATUS_LABELS[facts.status]}须填写日期` });
    if (!facts.authority?.trim()) problems.push({ field: 'authority', message: `${FIRE_ACCEPTANCE_STATUS_LABELS[facts.status]}须填写出具机关` });
  }
  if (facts.acceptedOn && facts.acceptedOn > today) problems.push({ field: 'acceptedOn', message: '日期不能晚于今天' });
  if (facts.status === FireAcceptanceStatus.EXEMPT && !facts.exemptReason?.trim()) {
    problems.push({ field: 'exemptReason', message: '无需验收须说明理由' });
  }
  return problems;
}
