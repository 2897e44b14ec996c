import { FeatureModule } from '@campus/server';
import { ResponsibilityLetters1764200000003 } from '../migrations/1764200000003-responsibility-letters';
import { LetterRenewal1765000000910 } from '../migrations/1765000000910-letter-renewal';
import type { ResponsibilityDeps } from '../service';
import { LETTER_POLICY } from './letter.access';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';
import { ResponsibilityLetterResolver } from './letter.resolver';
import { LetterService } from './letter.service';

/** 安全责任书: letters issued, signed by the named first responsible person, expired or revoked. */
export const LETTERS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'letters',
  entities: [ResponsibilityLetterEntity, ResponsibilityLetterItemEntity],
  migrations: [ResponsibilityLetters1764200000003, LetterRenewal1765000000910],
  scopedTables: ['responsibility_letter', { table: 'responsibility_letter', column: 'issuer_path' }],
  policies: [LETTER_POLICY],
  resolvers: ({ dataSource, outbox, orgUnits, people }) => [new ResponsibilityLetterResolver(new LetterService(dataSource, outbox), orgUnits, people)],
};
