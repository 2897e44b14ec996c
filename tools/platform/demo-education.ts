import { GraphQLClient } from '@campus/testing';
import { seedDemoDrills } from './demo-education-drills';
import { seedDemoQuizzes } from './demo-education-quizzes';
import { seedDemoEducationActivities } from './demo-education-activities';
import { seedDemoNotices } from './demo-education-notices';
import { seedDemoSafetyDays } from './demo-education-safety-days';
import { seedDemoScreening } from './demo-education-screening';

/** Who the education demo acts as and what it hangs from: the demo accounts' clients, units by code, people by username. */
export interface EducationDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  log: (line: string) => void;
}

/** Safety education, drills, screening and notices of the demo campus; each area seeds its own part. */
export async function seedDemoEducation(context: EducationDemoContext): Promise<void> {
  context.log('demo: education and drills');
  await seedDemoQuizzes(context);
  await seedDemoEducationActivities(context);
  await seedDemoNotices(context);
  await seedDemoSafetyDays(context);
  await seedDemoScreening(context);
  await seedDemoDrills(context);
}
