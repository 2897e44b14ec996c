import { FeatureModule, perService } from '@campus/server';
import { HomeSchoolNotices1764500000070 } from '../migrations/1764500000070-home-school-notices';
import type { EducationDeps } from '../service';
import { mountNoticeAckRoutes } from './notice-ack-http';
import { NoticeAckService } from './notice-ack.service';
import { NoticeLinksService } from './notice-links.service';
import { NOTICE_POLICY, NOTICE_RECIPIENT_POLICY, NOTICE_TEMPLATE_POLICY } from './notice.access';
import { NoticeEntity, NoticeRecipientEntity, NoticeTemplateEntity, NoticeUnitEntity } from './notice.entity';
import { HomeSchoolNoticeResolver } from './notice.resolver';
import { NoticeService } from './notice.service';

const acksOf = perService(({ dataSource, outbox, settings }: EducationDeps) => new NoticeAckService(dataSource, outbox, settings));

/** 家校告知: notices to students' guardians from templates, one-time acknowledgement links, paper slips, rates. */
export const NOTICES_MODULE: FeatureModule<EducationDeps> = {
  name: 'notices',
  entities: [NoticeTemplateEntity, NoticeEntity, NoticeUnitEntity, NoticeRecipientEntity],
  migrations: [HomeSchoolNotices1764500000070],
  scopedTables: ['home_school_notice_template', 'home_school_notice', 'home_school_notice_unit', 'home_school_notice_recipient'],
  policies: [NOTICE_POLICY, NOTICE_RECIPIENT_POLICY, NOTICE_TEMPLATE_POLICY],
  resolvers: (deps) => [
    new HomeSchoolNoticeResolver(
      new NoticeService(deps.dataSource, deps.directory, deps.settings, deps.outbox),
      acksOf(deps),
      new NoticeLinksService(deps.dataSource, deps.settings),
    ),
  ],
  routes: (app, deps) => mountNoticeAckRoutes(app, acksOf(deps)),
};
