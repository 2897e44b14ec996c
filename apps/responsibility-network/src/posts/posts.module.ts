import { Posts1764200000005 } from '../migrations/1764200000005-posts';
import { ResponsibilityModule } from '../module';
import { DutyAssessmentEntity, DutyAssessmentItemEntity } from './duty-assessment.entity';
import { DutyAssessmentResolver } from './duty-assessment.resolver';
import { DutyAssessmentService } from './duty-assessment.service';
import { PostDutyEntity, PostEntity } from './post.entity';
import { PostResolver } from './post.resolver';
import { PostService } from './post.service';

/** Posts with their safety duty lists (一岗双责, 责任清单) and the holders' duty assessments. */
export const POSTS_MODULE: ResponsibilityModule = {
  entities: [PostEntity, PostDutyEntity, DutyAssessmentEntity, DutyAssessmentItemEntity],
  orgPathColumns: [
    { table: 'post', column: 'org_path' },
    { table: 'post_duty_assessment', column: 'org_path' },
  ],
  migrations: [Posts1764200000005],
  resolverClasses: [PostResolver, DutyAssessmentResolver],
  createResolvers: ({ dataSource, orgUnits, people }) => {
    const posts = new PostService(dataSource);
    const assessments = new DutyAssessmentService(dataSource);
    return new Map<Function, unknown>([
      [PostResolver, new PostResolver(posts, assessments, orgUnits, people)],
      [DutyAssessmentResolver, new DutyAssessmentResolver(assessments, posts, people)],
    ]);
  },
};
