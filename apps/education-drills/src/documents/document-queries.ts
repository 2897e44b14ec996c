import { Caller } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';
import { EDUCATION_DOCUMENT_ACCESS } from './document.access';
import { EducationDocumentEntity } from './document.entity';
import { EducationDocument, toEducationDocument } from './document.types';

/** Documents as GraphQL fields read them: one statement per owner kind per request, whatever the number of parents. */
export class DocumentQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The documents of one revision or drill the caller sees, in upload order; of one kind when asked. */
  async ofOwner(caller: Caller, ownerKind: EducationDocumentOwnerKind, ownerId: string, kind?: EducationDocumentKind | null): Promise<EducationDocument[]> {
    const loader = caller.loaders.get<string, EducationDocument[]>(`EducationDocument.of.${ownerKind}`, () =>
      new DataLoader(async (ownerIds: readonly string[]) => {
        const scope = EDUCATION_DOCUMENT_ACCESS.where(caller, 'view', 'd.org_path');
        const rows = await this.dataSource
          .getRepository(EducationDocumentEntity)
          .createQueryBuilder('d')
          .where('d.owner_kind = :ownerKind AND d.owner_id IN (:...ownerIds)', { ownerKind, ownerIds: [...ownerIds] })
          .andWhere(scope.sql, scope.params)
          .orderBy('d.created_at', 'ASC')
          .addOrderBy('d.id', 'ASC')
          .getMany();
        return ownerIds.map((id) => rows.filter((row) => row.ownerId === id).map(toEducationDocument));
      }),
    );
    const documents = await loader.load(ownerId);
    return kind ? documents.filter((document) => document.kind === kind) : documents;
  }
}
