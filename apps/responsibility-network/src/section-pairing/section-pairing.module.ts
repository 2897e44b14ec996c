import { FeatureModule, perService } from '@campus/server';
import { SectionPairing1765000000300 } from '../migrations/1765000000300-section-pairing';
import type { ResponsibilityDeps } from '../service';
import { AccountPairingGrantsResolver } from './account-pairing-grants.resolver';
import { SECTION_PAIRING_POLICY } from './section-pairing.access';
import { SectionPairingEntity, SectionPairingLogEntity } from './section-pairing.entity';
import { PairedUnitsResolver, SectionPairingResolver } from './section-pairing.resolver';
import { SectionPairingService } from './section-pairing.service';

const pairingServiceOf = perService((deps: ResponsibilityDeps) => new SectionPairingService(deps.dataSource, deps.outbox, deps.tokens));

/**
 * 股室联校包抓: a bureau's sections paired with its schools. The section's people get INSPECTOR at each paired
 * school in their tokens (accounts' login, section-pairing-grants.ts), so every subgraph enforces it unchanged.
 */
export const SECTION_PAIRING_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'section-pairing',
  entities: [SectionPairingEntity, SectionPairingLogEntity],
  scopedTables: ['section_pairing'],
  policies: [SECTION_PAIRING_POLICY],
  migrations: [SectionPairing1765000000300],
  resolvers: (deps) => {
    const pairings = pairingServiceOf(deps);
    return [
      new SectionPairingResolver(pairings, deps.orgUnits, deps.people),
      new PairedUnitsResolver(pairings),
      new AccountPairingGrantsResolver(pairings, deps.orgUnits),
    ];
  },
};
