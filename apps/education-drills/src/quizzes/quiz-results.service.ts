import { Caller, LoaderRegistry, NotFoundError, orgUnitReference } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { QUIZ_ACCESS } from './quiz.access';
import { QuizService } from './quiz.service';
import { QuizResults, QuizUnitResult, toQuiz } from './quiz.types';

/** One row per unit of the audience's people: the counts results are summed from. */
interface UnitCounts {
  unitId: string;
  path: string;
  audience: number;
  attempted: number;
  passed: number;
  scoreSum: number;
}

/**
 * Per unit, the quiz's audience (active people of its kinds under its units) within the caller's scope,
 * how many submitted and how many passed (best attempt): one statement, people and attempts together.
 */
const UNIT_COUNTS_SQL = `
  SELECT p.org_unit_id AS unitId, MIN(p.org_path) AS path, COUNT(*) AS audience, COUNT(b.person_id) AS attempted,
         COALESCE(SUM(b.passed), 0) AS passed, COALESCE(SUM(b.best), 0) AS scoreSum
  FROM person_projection p
  JOIN quiz q ON q.id = :quizId
  LEFT JOIN (
    SELECT person_id, MAX(passed) AS passed, MAX(score) AS best FROM quiz_attempt
    WHERE quiz_id = :quizId AND submitted_at IS NOT NULL GROUP BY person_id
  ) b ON b.person_id = p.id
  WHERE p.active = TRUE AND FIND_IN_SET(p.kind, q.audience_kinds) > 0
    AND EXISTS (SELECT 1 FROM quiz_audience_unit a WHERE a.quiz_id = q.id AND LEFT(p.org_path, CHAR_LENGTH(a.org_path)) = a.org_path)
    AND %SCOPE%
  GROUP BY p.org_unit_id`;

function resultOf(unitId: string | null, rows: UnitCounts[]): QuizUnitResult {
  const sum = (key: 'audience' | 'attempted' | 'passed' | 'scoreSum') => rows.reduce((total, row) => total + row[key], 0);
  const audience = sum('audience');
  const attempted = sum('attempted');
  const passed = sum('passed');
  return {
    orgUnit: unitId ? orgUnitReference(unitId) : null,
    audienceCount: audience,
    attemptedCount: attempted,
    passedCount: passed,
    passRate: audience ? Math.round((passed / audience) * 10000) / 10000 : 0,
    averageScore: attempted ? Math.round((sum('scoreSum') / attempted) * 10) / 10 : null,
  };
}

/** 通过率: pass rates per unit of a quiz's audience, counted only over the people in the caller's scope. */
export class QuizResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quizzes: QuizService,
  ) {}

  /** The quiz's results: seen by those whose scope covers the quiz's unit, or holds people of its audience. */
  async results(caller: Caller, quizId: string): Promise<QuizResults> {
    const rows = await this.unitCounts(caller, quizId);
    const { quiz, audience } = await this.quizzes.load(this.dataSource.manager, quizId);
    if (!rows.length && !QUIZ_ACCESS.allows(caller, 'viewResults', quiz.orgPath)) throw new NotFoundError(QUIZ_ACCESS.policy.label, quizId);
    return {
      quiz: toQuiz(quiz, audience.map((unit) => unit.orgUnitId)),
      total: resultOf(null, rows),
      rows: rows.map((row) => resultOf(row.unitId, [row])).sort((a, b) => b.passRate - a.passRate),
    };
  }

  /** OrgUnit.quizPassRate: the unit's subtree within the caller's scope; null where none of the audience is. One statement per request. */
  async unitPassRate(caller: Caller, unitId: string, quizId: string): Promise<QuizUnitResult | null> {
    const rows = await this.countsLoader(caller.loaders, caller).load(quizId);
    const inUnit = rows.filter((row) => row.path.includes(`/${unitId}/`));
    return inUnit.length ? resultOf(unitId, inUnit) : null;
  }

  private countsLoader(loaders: LoaderRegistry, caller: Caller): DataLoader<string, UnitCounts[]> {
    return loaders.get('OrgUnit.quizPassRate', () => new DataLoader<string, UnitCounts[]>((quizIds) => Promise.all(quizIds.map((id) => this.unitCounts(caller, id)))));
  }

  private async unitCounts(caller: Caller, quizId: string): Promise<UnitCounts[]> {
    const scope = QUIZ_ACCESS.where(caller, 'viewResults', 'p.org_path');
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(UNIT_COUNTS_SQL.replace('%SCOPE%', scope.sql), { ...scope.params, quizId }, {});
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    return rows.map((row) => ({
      unitId: String(row.unitId),
      path: String(row.path),
      audience: Number(row.audience),
      attempted: Number(row.attempted),
      passed: Number(row.passed),
      scoreSum: Number(row.scoreSum),
    }));
  }
}
