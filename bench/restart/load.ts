import { GraphQLClient } from '@campus/testing';

/** One call of the steady load: when it ended, what it was, and ok or what failed (error code or HTTP failure). */
export interface Outcome {
  at: number;
  operation: string;
  result: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A query per subgraph in turn, through the gateway, as the school's safety office. */
const QUERIES: Record<string, string> = {
  ledger: '{ hazards(first: 5) { totalCount edges { node { id code status } } } }',
  orgUnits: '{ orgUnits(first: 5) { totalCount } }',
  emergencyPlans: '{ emergencyPlans(first: 5) { totalCount } }',
  appraisalSchemes: '{ appraisalSchemes(first: 5) { totalCount } }',
};

const REGISTER_HAZARD = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }';

async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    const response = (error as { response?: { status: number; errors?: { extensions?: { code?: string } }[] } }).response;
    if (response) return response.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
    return (error as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
  }
}

/**
 * A light steady load through the gateway while services are killed and restarted: every ~100 ms one
 * query (the four subgraphs in turn) and one registerHazard (a hazard.registered event for supervision-appraisal).
 */
export class SteadyLoad {
  readonly outcomes: Outcome[] = [];
  private running = true;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly office: GraphQLClient,
    private readonly schoolUnitId: string,
  ) {}

  start(): void {
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  /** The outcomes of calls that ended between from and to, counted per operation kind and result. */
  between(from: number, to: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const outcome of this.outcomes.filter((entry) => entry.at >= from && entry.at <= to)) {
      const key = `${outcome.operation === 'registerHazard' ? 'registerHazard' : 'query'} ${outcome.result}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  private async loop(): Promise<void> {
    const names = Object.keys(QUERIES);
    for (let n = 0; this.running; n++) {
      const name = names[n % names.length];
      await Promise.all([this.record(name, () => this.office.data(QUERIES[name])), this.record('registerHazard', () => this.registerHazard(n))]);
      await sleep(100);
    }
  }

  private async record(operation: string, call: () => Promise<unknown>): Promise<void> {
    const result = await outcomeOf(call);
    this.outcomes.push({ at: Date.now(), operation, result });
  }

  private registerHazard(n: number) {
    return this.office.data(REGISTER_HAZARD, {
      input: {
        orgUnitId: this.schoolUnitId,
        title: `重启基准隐患 ${n}`,
        description: '重启基准测试的稳定负载',
        category: 'FIRE',
        placeText: '实训楼',
        discoveredAt: new Date().toISOString(),
      },
    });
  }
}

/**
 * Produces person.deactivated events — every service consumes them (the kit's access revocations) — with
 * real mutations through the gateway: a person created, then deactivated, every ~250 ms until stopped.
 * Calls that fail (responsibility-network itself down) are simply tried again.
 */
export class DeactivationStream {
  deactivated = 0;
  private running = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly admin: GraphQLClient,
    private readonly unitId: string,
  ) {}

  start(): void {
    this.running = true;
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.deactivateOne().catch(() => undefined);
      await sleep(250);
    }
  }

  private async deactivateOne(): Promise<void> {
    const created = await this.admin.data<{ createPerson: { person: { id: string; version: number } } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } } }',
      { input: { orgUnitId: this.unitId, name: `重启基准人员 ${this.deactivated}`, kind: 'CONTRACTOR' } },
    );
    const { id, version } = created.createPerson.person;
    await this.admin.data('mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }', { input: { id, version } });
    this.deactivated++;
  }
}
