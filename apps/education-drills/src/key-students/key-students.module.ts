import { FeatureModule } from '@campus/server';
import { KeyStudents1765000000510 } from '../migrations/1765000000510-key-students';
import type { EducationDeps } from '../service';
import { KEY_STUDENT_POLICY } from './key-student.access';
import { KeyStudentEntity, KeyStudentFollowUpEntity } from './key-student.entity';
import { KeyStudentResolver } from './key-student.resolver';
import { KeyStudentService } from './key-student.service';

/** 重点关注学生台账: handlers only, every read logged (in the disputes module's access log). */
export const KEY_STUDENTS_MODULE: FeatureModule<EducationDeps> = {
  name: 'key-students',
  entities: [KeyStudentEntity, KeyStudentFollowUpEntity],
  migrations: [KeyStudents1765000000510],
  scopedTables: ['key_student'],
  policies: [KEY_STUDENT_POLICY],
  resolvers: ({ dataSource, directory, settings }) => [new KeyStudentResolver(new KeyStudentService(dataSource, directory, settings), dataSource)],
};
