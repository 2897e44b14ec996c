import { EntityManager } from 'typeorm';

/** One evidence file of a hazard, as its file (一患一案一档) lists it. */
export interface HazardEvidenceFile {
  id: string;
  /** Its kind, in Chinese (e.g. 整改后照片). */
  kindLabel: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

/**
 * What other feature areas add to the hazard core, which knows none of them: campaigns vet a link to a
 * campaign, evidence attaches uploaded files to a step and lists them for the hazard's file. campaigns/campaign-link.ts and
 * evidence/evidence-steps.ts implement it; service.ts wires them into HazardDeps.
 */
export interface HazardExtensions {
  /** Refuses to link a hazard of the unit at `hazardOrgPath` to the campaign, in the transaction storing the link. */
  checkCampaignLink(manager: EntityManager, campaignId: string, hazardOrgPath: string): Promise<void>;
  /** Attaches evidence to the step a transition just appended, in its transaction (nothing to do for none). */
  attachStepEvidence(manager: EntityManager, hazardId: string, stepId: string, evidenceIds: readonly string[]): Promise<void>;
  /** The hazard's evidence files, oldest first. */
  evidenceFiles(manager: EntityManager, hazardId: string): Promise<HazardEvidenceFile[]>;
}
