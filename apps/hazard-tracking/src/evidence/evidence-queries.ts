import { Caller } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { HazardStepEntity } from '../hazards/hazard-loop.entity';
import { HazardEvidenceEntity } from './evidence.entity';
import { HazardEvidence, toHazardEvidence } from './evidence.types';

/** Evidence as GraphQL fields read it: one statement per field per request, whatever the number of parents. */
export class EvidenceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Hazard.evidence: every file of the request's hazards, in upload order. */
  batchedForHazard(caller: Caller, hazardId: string): Promise<HazardEvidence[]> {
    return caller.loaders
      .get<string, HazardEvidence[]>('Hazard.evidence', () => new DataLoader(async (hazardIds: readonly string[]) => {
        const evidence = await this.load('e.hazard_id IN (:...ids)', hazardIds);
        return hazardIds.map((id) => evidence.filter((item) => item.hazardId === id).map((item) => item.node));
      }))
      .load(hazardId);
  }

  /** HazardStep.evidenceFiles: files by the ids a step cites; ids that name no file (free text of old steps) are skipped. */
  async batchedByIds(caller: Caller, ids: readonly string[]): Promise<HazardEvidence[]> {
    const loader = caller.loaders.get<string, HazardEvidence | null>('HazardEvidence.byId', () => new DataLoader(async (keys: readonly string[]) => {
      const byId = new Map((await this.load('e.id IN (:...ids)', keys)).map((item) => [item.node.id, item.node]));
      return keys.map((id) => byId.get(id) ?? null);
    }));
    const found = await loader.loadMany([...ids]);
    return found.filter((item): item is HazardEvidence => item !== null && !(item instanceof Error));
  }

  private async load(condition: string, ids: readonly string[]): Promise<{ hazardId: string; node: HazardEvidence }[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(HazardEvidenceEntity)
      .createQueryBuilder('e')
      .leftJoin(HazardStepEntity, 's', 's.id = e.step_id')
      .addSelect('s.seq', 'step_seq')
      .where(condition, { ids: [...ids] })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawAndEntities<{ e_id: string; step_seq: number | null }>();
    const seqById = new Map(raw.map((row) => [row.e_id, row.step_seq === null ? null : Number(row.step_seq)]));
    return entities.map((entity) => ({ hazardId: entity.hazardId, node: toHazardEvidence(entity, seqById.get(entity.id) ?? null) }));
  }
}
