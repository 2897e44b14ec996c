/**
 * Root fields the matrix does not call, each with the reason. Keep it small: a field that names an object or
 * a unit belongs in the matrix; a field missing from both fails the security suite.
 */
export const NOT_EXERCISED: Record<string, string> = {
  login: 'takes a username and password, names no object; wrong passwords would trip the login throttle the probes test',
  logout: 'ends the caller’s own session; names no object',
  markNotificationsRead: 'acts on the caller’s own inbox only: ids are matched within the caller’s person, others’ ignored (inbox.service.ts; notifications.integration-spec.ts)',
  sendTestNotification: 'sends a test notification to the caller themself; names no object',
  setNotificationPreferences: 'sets the caller’s own notification preferences; names no object',
  changePassword: 'changes the caller’s own password; names no object (and a wrong current password counts towards the login throttle)',
  dutyTemplates: 'a catalogue of duty items per post kind, the same for everyone; names no unit',
  checkInEducationActivity: 'names no object: the code shown at the activity selects it, and callers check in only themselves',
  importRoster: 'names units by code inside an Excel file, not by id; every row is checked against the caller’s scope (roster-import.integration-spec.ts)',
  campaignStatisticsWorkbook: 'needs a statistics snapshot, which a job freezes once a campaign’s report date has passed: none in a fresh demo (campaign-statistics.integration-spec.ts refuses another school’s)',
  answerAppraisalObjection: 'needs an objection to a published year-end result, which a fresh demo does not reach (the schemes are not closed)',
  hazardAuditTrail: 'names its object by a type name and an id (objectType + objectId), which the matrix cannot pair; the object’s own view access decides, NOT_FOUND for another school’s (audit-trail.e2e-spec.ts, kit/audit/audit-trail.integration-spec.ts)',
  responsibilityAuditTrail: 'names its object by a type name and an id (objectType + objectId), which the matrix cannot pair; the object’s own view access decides, NOT_FOUND for another school’s (audit-trail.e2e-spec.ts, kit/audit/audit-trail.integration-spec.ts)',
  educationAuditTrail: 'names its object by a type name and an id (objectType + objectId), which the matrix cannot pair; the object’s own view access decides, NOT_FOUND for another school’s (audit-trail.e2e-spec.ts, kit/audit/audit-trail.integration-spec.ts)',
  appraisalAuditTrail: 'names its object by a type name and an id (objectType + objectId), which the matrix cannot pair; the object’s own view access decides, NOT_FOUND for another school’s (audit-trail.e2e-spec.ts, kit/audit/audit-trail.integration-spec.ts)',
};

/**
 * Mutations only administrators (教育局管理员, 学校安全保卫处) may call (ADMIN_ROLES in their access policies; work
 * groups are not here since a unit's leader forms the unit's own 工作专班):
 * every other role calls them against objects in its own scope (function-level authorisation, BFLA), which is
 * the only test possible for the roles whose scope has nothing outside it (the bureau's inspector).
 */
export const ADMIN_ONLY_MUTATIONS: readonly string[] = [
  'createOrgUnit',
  'renameOrgUnit',
  'moveOrgUnit',
  'createAccount',
  'grantRole',
  'revokeRole',
  'createCampaign',
  'updateCampaign',
  'publishCampaign',
  'closeCampaign',
  'createAppraisalScheme',
  'updateAppraisalScheme',
  'publishAppraisalScheme',
  'closeAppraisalScheme',
  'scoreAppraisal',
  'vetoAppraisal',
  'reviewAppraisals',
  'publishAppraisals',
  'planSupervision',
  'updateSupervision',
  'startSupervision',
  'reportSupervision',
  'closeSupervision',
  'cancelSupervision',
  'recordAccountability',
  'confirmAccountability',
  'dismissAccountability',
  'revokeAccountability',
  'createSectionPairing',
  'editSectionPairing',
  'endSectionPairing',
];
