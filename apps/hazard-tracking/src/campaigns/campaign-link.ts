import { ConflictError, NotFoundError } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { HazardExtensions } from '../hazards/hazard-extensions';
import { CampaignStatus } from './campaign-enums';
import { CampaignEntity } from './campaign.entity';

/**
 * Refuses to link a hazard to a campaign that does not exist (NOT_FOUND), whose scope does not contain
 * the hazard's unit, or that has ended (CONFLICT). A draft campaign accepts hazards: its organisers may
 * record what they find while the plan is being written. Call it in the transaction that stores the
 * link: the campaign row is read under a shared lock, so closing the campaign waits for the link (or the
 * link sees the campaign closed).
 */
export async function assertCampaignAcceptsHazard(manager: EntityManager, campaignId: string, hazardOrgPath: string): Promise<void> {
  const campaign = await campaignForShare(manager, campaignId);
  if (!campaign) throw new NotFoundError('专项整治', campaignId);
  if (!hazardOrgPath.startsWith(campaign.orgPath)) {
    throw new ConflictError('OUTSIDE_RANGE', `隐患所属单位不在专项整治「${campaign.title}」的范围内`, { campaignId });
  }
  if (campaign.status === CampaignStatus.CLOSED) {
    throw new ConflictError('ILLEGAL_TRANSITION', `专项整治「${campaign.title}」已结束，不能再关联隐患`, { campaignId, status: campaign.status });
  }
}

/**
 * The campaign read under a shared lock (in the caller's transaction). Written out because TypeORM's
 * pessimistic_read says FOR SHARE to any server reporting version 8 or above, which MariaDB 10.11 refuses.
 */
export async function campaignForShare(manager: EntityManager, campaignId: string): Promise<CampaignEntity | null> {
  const locked: unknown[] = await manager.query('SELECT id FROM campaign WHERE id = ? LOCK IN SHARE MODE', [campaignId]);
  return locked.length ? manager.findOneBy(CampaignEntity, { id: campaignId }) : null;
}

/** What campaigns add to the hazard core: a hazard is linked to a campaign only if the campaign accepts it. */
export const CAMPAIGN_HAZARD_EXTENSION: Pick<HazardExtensions, 'checkCampaignLink'> = {
  checkCampaignLink: assertCampaignAcceptsHazard,
};
