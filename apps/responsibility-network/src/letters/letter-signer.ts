import { ConflictError } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { firstResponsiblePersonId } from '../org-units/first-responsible-person';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * Who signs a letter to `recipient`: always the unit's first responsible person (the holder of its
 * UNIT_LEADER grant). A caller who still names a signer must name that person. CONFLICT
 * (NO_FIRST_RESPONSIBLE_PERSON) when the unit has none, (NOT_FIRST_RESPONSIBLE_PERSON) when the named
 * person is someone else.
 */
export async function signerOfLetterTo(manager: EntityManager, recipient: OrgUnitEntity, namedPersonId?: string | null): Promise<string> {
  const leaderId = await firstResponsiblePersonId(manager, recipient.id);
  if (!leaderId) {
    throw new ConflictError(
      'NO_FIRST_RESPONSIBLE_PERSON',
      `${recipient.name}尚未确定第一责任人，不能制定或下达责任书：请先为该单位负责人的账号授予“单位负责人”角色`,
      { orgUnitId: recipient.id },
    );
  }
  if (namedPersonId && namedPersonId !== leaderId) {
    throw new ConflictError(
      'NOT_FIRST_RESPONSIBLE_PERSON',
      `责任书的签署人必须是${recipient.name}的第一责任人（持有该单位“单位负责人”授权的人员），所填签署人不是；可不填签署人，由系统自动确定`,
      { field: 'recipientPersonId', orgUnitId: recipient.id },
    );
  }
  return leaderId;
}
