import { AuditEntry, AuditTrail } from '@campus/server';
import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { HazardFile } from '../hazards/hazard-loop.types';

/** The mutations that correct a hazard's facts; their entries in the audit trail are the file's edits. */
export const HAZARD_EDIT_OPERATIONS = ['updateHazard'];

/** 一患一案一档: the file shows the corrections of the hazard's facts (category, grade, place …) with before and after, from the audit trail. */
@Authorized()
@Resolver(() => HazardFile)
export class HazardFileEditsResolver {
  constructor(private readonly trail: AuditTrail) {}

  @FieldResolver(() => [AuditEntry], {
    description: '基本信息的更正记录（类别、等级、部位等，含更正前后的值、更正人与时间），按时间先后；来自审计记录',
  })
  edits(@Root() file: HazardFile): Promise<AuditEntry[]> {
    // The file's hazard has been checked for `view` when the file was read.
    return this.trail.all('Hazard', file.hazard.id, { operations: HAZARD_EDIT_OPERATIONS });
  }
}
