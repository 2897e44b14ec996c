import { Posts1764200000005 } from '../migrations/1764200000005-posts';
import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { DUTY_ASSESSMENT_POLICY } from './duty-assessment.access';
import { DutyAssessmentEntity, DutyAssessmentItemEntity } from './duty-assessment.entity';
import { DutyAssessmentResolver } from './duty-assessment.resolver';
import { DutyAssessmentService } from './duty-assessment.service';
import { POST_POLICY } from './post.access';
import { PostDutyEntity, PostEntity } from './post.entity';
import { PostResolver } from './post.resolver';
import { PostService } from './post.service';

/** Posts with their safety duty lists (一岗双责, 责任清单) and the holders' duty assessments. */
export const POSTS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'posts',
  entities: [PostEntity, PostDutyEntity, DutyAssessmentEntity, DutyAssessmentItemEntity],
  scopedTables: ['post', 'post_duty_assessment'],
  policies: [POST_POLICY, DUTY_ASSESSMENT_POLICY],
  migrations: [Posts1764200000005],
  resolvers: ({ dataSource, outbox, orgUnits, people }) => {
    const posts = new PostService(dataSource, outbox);
    const assessments = new DutyAssessmentService(dataSource);
    return [
      new PostResolver(posts, assessments, orgUnits, people),
      new DutyAssessmentResolver(assessments, posts, people),
    ];
  },
};
