import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Drill } from '../drills/drill.types';
import { EmergencyPlanRevision } from '../emergency-plans/plan-revision.types';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';
import { DocumentQueries } from './document-queries';
import { EducationDocument } from './document.types';

/** EmergencyPlanRevision.documents: the revision's text (批准稿、盖章扫描件), in upload order, as far as the caller sees them. */
@Authorized()
@Resolver(() => EmergencyPlanRevision)
export class RevisionDocumentsResolver {
  constructor(private readonly queries: DocumentQueries) {}

  @FieldResolver(() => [EducationDocument], { description: '本次修订的预案文件（经网关 POST /uploads/education-document 上传），按上传先后' })
  documents(@Root() revision: EmergencyPlanRevision, @Ctx() context: RequestContext): Promise<EducationDocument[]> {
    return this.queries.ofOwner(callerOf(context), EducationDocumentOwnerKind.PLAN_REVISION, revision.id);
  }
}

/** Drill.documents: photos of the drill and its documents (方案、签到表、总结), in upload order; of one kind when asked. */
@Authorized()
@Resolver(() => Drill)
export class DrillDocumentsResolver {
  constructor(private readonly queries: DocumentQueries) {}

  @FieldResolver(() => [EducationDocument], { description: '演练照片和文件，按上传先后；可只看照片（PHOTO）或文件（DOCUMENT）' })
  documents(
    @Root() drill: Drill,
    @Arg('kind', () => EducationDocumentKind, { nullable: true, description: '类别' }) kind: EducationDocumentKind | null | undefined,
    @Ctx() context: RequestContext,
  ): Promise<EducationDocument[]> {
    return this.queries.ofOwner(callerOf(context), EducationDocumentOwnerKind.DRILL, drill.id, kind);
  }
}
