import { TokenVerifier } from '@campus/auth';
import { FileStoreSettings } from '@campus/files';
import { FeatureModule } from '@campus/server';
import { Express } from 'express';
import { DataSource } from 'typeorm';
import { EducationDocuments1764500000080 } from '../migrations/1764500000080-education-documents';
import type { EducationDeps } from '../service';
import { mountDocumentRoutes } from './document-http';
import { DocumentQueries } from './document-queries';
import { DRILL_DOCUMENT_POLICY, EDUCATION_DOCUMENT_POLICY, PLAN_DOCUMENT_POLICY } from './document.access';
import { EducationDocumentEntity } from './document.entity';
import { DrillDocumentsResolver, RevisionDocumentsResolver } from './document.resolver';
import { DocumentService } from './document.service';

/** POST /documents and GET /documents/<id> on education-drills' HTTP server. */
export function mountDocuments(app: Express, deps: { dataSource: DataSource; verifyToken: TokenVerifier }, settings: FileStoreSettings): void {
  const service = new DocumentService(deps.dataSource, settings.createStore(), { maxBytes: settings.maxBytes });
  mountDocumentRoutes(app, service, deps.verifyToken);
}

/** 预案与演练文件: documents of emergency plan revisions, photos and documents of drills, uploaded and downloaded over HTTP. */
export const DOCUMENTS_MODULE: FeatureModule<EducationDeps> = {
  name: 'documents',
  entities: [EducationDocumentEntity],
  migrations: [EducationDocuments1764500000080],
  scopedTables: ['education_document'],
  policies: [EDUCATION_DOCUMENT_POLICY, PLAN_DOCUMENT_POLICY, DRILL_DOCUMENT_POLICY],
  resolvers: ({ dataSource }) => {
    const queries = new DocumentQueries(dataSource);
    return [new RevisionDocumentsResolver(queries), new DrillDocumentsResolver(queries)];
  },
  routes: (app, deps) => {
    if (deps.settings.documents) mountDocuments(app, deps, deps.settings.documents);
  },
};
