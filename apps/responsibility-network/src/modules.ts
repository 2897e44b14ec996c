import { ResponsibilityModule } from './module';
import { PLACES_MODULE } from './places/places.module';
import { GRIDS_MODULE } from './grids/grids.module';
import { LETTERS_MODULE } from './letters/letters.module';
import { DUTY_MODULE } from './duty/duty.module';
import { POSTS_MODULE } from './posts/posts.module';
import { WORK_GROUPS_MODULE } from './work-groups/work-groups.module';

/** Feature areas beyond the org tree, people and accounts. */
export const MODULES: ResponsibilityModule[] = [PLACES_MODULE, GRIDS_MODULE, LETTERS_MODULE, DUTY_MODULE, POSTS_MODULE, WORK_GROUPS_MODULE];
