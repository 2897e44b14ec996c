import { ResponsibilityModule } from '../module';
import { ResponsibilityLetters1764200000003 } from '../migrations/1764200000003-responsibility-letters';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';
import { ResponsibilityLetterResolver } from './letter.resolver';
import { LetterService } from './letter.service';

export { flagLettersForNewLeader } from './new-leader';

export const LETTERS_MODULE: ResponsibilityModule = {
  entities: [ResponsibilityLetterEntity, ResponsibilityLetterItemEntity],
  orgPathColumns: [
    { table: 'responsibility_letter', column: 'org_path' },
    { table: 'responsibility_letter', column: 'issuer_path' },
  ],
  migrations: [ResponsibilityLetters1764200000003],
  resolverClasses: [ResponsibilityLetterResolver],
  createResolvers: ({ dataSource, outbox, orgUnits, people }) =>
    new Map<Function, unknown>([[ResponsibilityLetterResolver, new ResponsibilityLetterResolver(new LetterService(dataSource, outbox), orgUnits, people)]]),
};
