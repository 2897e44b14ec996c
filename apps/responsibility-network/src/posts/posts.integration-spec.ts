import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { dutyTemplateOf } from './duty-templates';
import { PostKind } from './post-enums';
import { ADD_DUTY, ASSESSMENT, ASSIGN, CREATE_POST, DEACTIVATE_PERSON, DUTY_LIST_OF, DUTY_TEMPLATES, POST, POSTS, POST_ASSESSMENTS, REMOVE_DUTY, REVIEW, SELF_ASSESS, UPDATE_POST, VACATE } from './posts-testing';

interface Duty {
  id: string;
  position: number;
  content: string;
  fromTemplate: boolean;
}

interface PostShape {
  id: string;
  title: string;
  kind: string;
  vacant: boolean;
  holderId: string | null;
  version: number;
  holder: { id: string; name: string } | null;
  duties: Duty[];
}

describe('responsibility-network: posts and duty lists (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let chemistry: Unit;
  let labOffice: Unit;
  let mechanics: Unit;
  let logistics: Unit;
  let labKeeper: string;
  let chemTeacher: string;
  let mechTeacher: string;
  let chefHead: string;
  let leaderChem: Viewer;
  let staffChem: Viewer;
  let leaderMech: Viewer;

  async function createPost(viewer: Viewer, input: Record<string, unknown>): Promise<PostShape> {
    return (await runner.data(viewer, CREATE_POST, { input })).createPost.post;
  }

  function holderViewer(personId: string, unit: Unit, role = Role.STAFF): Viewer {
    return fx.viewerAt(role, unit, personId);
  }

  async function count(table: string): Promise<number> {
    const [{ total }] = await db.dataSource.query(`SELECT COUNT(*) AS total FROM ${table}`);
    return Number(total);
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('posts');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;

    school = await fx.createUnit(fx.root.id, 'SCH01', OrgUnitKind.SCHOOL, '兰州现代职业学院');
    chemistry = await fx.createUnit(school.id, 'COL-CHEM', OrgUnitKind.COLLEGE, '化学工程学院');
    labOffice = await fx.createUnit(chemistry.id, 'OFF-LAB', OrgUnitKind.OFFICE, '实验实训中心');
    mechanics = await fx.createUnit(school.id, 'COL-MECH', OrgUnitKind.COLLEGE, '机电工程学院');
    logistics = await fx.createUnit(school.id, 'DEP-LOG', OrgUnitKind.DEPARTMENT, '后勤管理处');

    labKeeper = (await fx.createPerson(labOffice.id, '王主任')).id;
    chemTeacher = (await fx.createPerson(chemistry.id, '赵老师')).id;
    mechTeacher = (await fx.createPerson(mechanics.id, '钱老师')).id;
    chefHead = (await fx.createPerson(logistics.id, '孙经理')).id;

    leaderChem = fx.viewerAt(Role.UNIT_LEADER, chemistry);
    staffChem = fx.viewerAt(Role.STAFF, chemistry);
    leaderMech = fx.viewerAt(Role.UNIT_LEADER, mechanics);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('creates a post with its kind template copied in, in order, and resolves its unit and holder', async () => {
    const post = await createPost(admin, { orgUnitId: chemistry.id, title: '化学实验室主任', kind: 'LAB_DIRECTOR', holderId: labKeeper });
    const template = dutyTemplateOf(PostKind.LAB_DIRECTOR);
    expect(post).toMatchObject({ title: '化学实验室主任', kind: 'LAB_DIRECTOR', vacant: false, holderId: labKeeper, version: 1 });
    expect(post.holder).toEqual({ id: labKeeper, name: '王主任' });
    expect((post as any).orgUnit).toEqual({ id: chemistry.id });
    expect(post.duties.map((duty) => duty.content)).toEqual([...template]);
    expect(post.duties.map((duty) => duty.position)).toEqual(template.map((_, index) => index + 1));
    expect(post.duties.every((duty) => duty.fromTemplate)).toBe(true);
    expect(post.duties.some((duty) => duty.content.includes('双人双锁'))).toBe(true);

    const templates = await runner.data(staffChem, DUTY_TEMPLATES, { kind: 'CANTEEN_MANAGER' });
    expect(templates.dutyTemplates.map((item: any) => item.content)).toEqual([...dutyTemplateOf(PostKind.CANTEEN_MANAGER)]);
    expect(templates.dutyTemplates[0].position).toBe(1);

    const vacant = await createPost(leaderChem, { orgUnitId: chemistry.id, title: '学院安全员', kind: 'SAFETY_OFFICER' });
    expect(vacant).toMatchObject({ vacant: true, holderId: null, holder: null });
    expect(vacant.duties).toHaveLength(dutyTemplateOf(PostKind.SAFETY_OFFICER).length);
  });

  it('refuses a holder outside the unit subtree or inactive, a STAFF creator and a unit out of scope', async () => {
    const before = await count('post');
    const outside = await runner.run(admin, CREATE_POST, {
      input: { orgUnitId: chemistry.id, title: '实验员', kind: 'OTHER', holderId: mechTeacher },
    });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'holderId' })] });

    const retired = (await fx.createPerson(chemistry.id, '退休教师')).id;
    const version = (await runner.data(admin, 'query($id: ID!) { person(id: $id) { version } }', { id: retired })).person.version;
    await runner.data(admin, DEACTIVATE_PERSON, { input: { id: retired, version } });
    const inactive = await runner.run(admin, CREATE_POST, { input: { orgUnitId: chemistry.id, title: '实验员', kind: 'OTHER', holderId: retired } });
    expect(inactive.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'holderId', message: '该人员已停用，不能任职' }] });

    const byStaff = await runner.run(staffChem, CREATE_POST, { input: { orgUnitId: chemistry.id, title: '实验员', kind: 'OTHER' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outOfScope = await runner.run(leaderMech, CREATE_POST, { input: { orgUnitId: chemistry.id, title: '实验员', kind: 'OTHER' } });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unseenHolder = await runner.run(leaderChem, CREATE_POST, {
      input: { orgUnitId: chemistry.id, title: '实验员', kind: 'OTHER', holderId: mechTeacher },
    });
    expect(unseenHolder.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badTitle = await runner.run(admin, CREATE_POST, { input: { orgUnitId: chemistry.id, title: '', kind: 'OTHER' } });
    expect(badTitle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'title' })] });
    expect(await count('post')).toBe(before);
  });

  it('renames, assigns and vacates with optimistic locking; refuses illegal transitions and others\' posts', async () => {
    const created = await createPost(leaderChem, { orgUnitId: chemistry.id, title: '班主任', kind: 'CLASS_ADVISER' });
    const renamed = (await runner.data(leaderChem, UPDATE_POST, { input: { id: created.id, version: created.version, title: '化工2301班班主任' } }))
      .updatePost.post;
    expect(renamed).toMatchObject({ title: '化工2301班班主任', version: created.version + 1, vacant: true });

    const stale = await runner.run(leaderChem, UPDATE_POST, { input: { id: created.id, version: created.version, title: '旧名' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', id: created.id, currentVersion: renamed.version });

    const assigned = (await runner.data(leaderChem, ASSIGN, { input: { id: created.id, version: renamed.version, holderId: chemTeacher } }))
      .assignPostHolder.post;
    expect(assigned).toMatchObject({ vacant: false, holderId: chemTeacher, holder: { name: '赵老师' } });
    const again = await runner.run(leaderChem, ASSIGN, { input: { id: created.id, version: assigned.version, holderId: chemTeacher } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const viaUpdate = (await runner.data(admin, UPDATE_POST, { input: { id: created.id, version: assigned.version, holderId: labKeeper } }))
      .updatePost.post;
    expect(viaUpdate).toMatchObject({ holderId: labKeeper, title: '化工2301班班主任' });
    const outsideHolder = await runner.run(admin, UPDATE_POST, { input: { id: created.id, version: viaUpdate.version, holderId: mechTeacher } });
    expect(outsideHolder.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const vacated = (await runner.data(leaderChem, VACATE, { input: { id: created.id, version: viaUpdate.version } })).vacatePost.post;
    expect(vacated).toMatchObject({ vacant: true, holderId: null, holder: null });
    const vacateAgain = await runner.run(leaderChem, VACATE, { input: { id: created.id, version: vacated.version } });
    expect(vacateAgain.errors?.[0].extensions?.code).toBe('CONFLICT');

    const byStaff = await runner.run(staffChem, VACATE, { input: { id: created.id, version: vacated.version } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOtherLeader = await runner.run(leaderMech, UPDATE_POST, { input: { id: created.id, version: vacated.version, title: '越权' } });
    expect(byOtherLeader.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.data(leaderMech, POST, { id: created.id })).post).toBeNull();
    expect((await runner.data(staffChem, POST, { id: created.id })).post).toMatchObject({ title: '化工2301班班主任', version: vacated.version });
  });

  it('adds custom duty items at a position and removes items, renumbering and moving the version on', async () => {
    const post = await createPost(admin, { orgUnitId: logistics.id, title: '第一食堂负责人', kind: 'CANTEEN_MANAGER', holderId: chefHead });
    const template = dutyTemplateOf(PostKind.CANTEEN_MANAGER);

    const custom = '每学期组织一次燃气泄漏应急演练';
    const added = (await runner.data(admin, ADD_DUTY, { input: { id: post.id, version: post.version, content: custom, position: 2 } })).addPostDuty
      .post;
    expect(added.version).toBe(post.version + 1);
    expect(added.duties.map((duty: Duty) => duty.content)).toEqual([template[0], custom, ...template.slice(1)]);
    expect(added.duties[1]).toMatchObject({ position: 2, fromTemplate: false });
    expect(added.duties.map((duty: Duty) => duty.position)).toEqual(added.duties.map((_: Duty, index: number) => index + 1));

    const appended = (await runner.data(admin, ADD_DUTY, { input: { id: post.id, version: added.version, content: '督促外包配送企业落实冷链运输' } }))
      .addPostDuty.post;
    expect(appended.duties[appended.duties.length - 1]).toMatchObject({ content: '督促外包配送企业落实冷链运输', position: template.length + 2 });

    const duplicate = await runner.run(admin, ADD_DUTY, { input: { id: post.id, version: appended.version, content: custom } });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'content', message: expect.any(String) }] });
    const stale = await runner.run(admin, ADD_DUTY, { input: { id: post.id, version: post.version, content: '过期的版本' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: appended.version });

    const firstTemplateItem = appended.duties[0];
    const removed = (await runner.data(admin, REMOVE_DUTY, { input: { id: post.id, version: appended.version, dutyId: firstTemplateItem.id } }))
      .removePostDuty.post;
    expect(removed.version).toBe(appended.version + 1);
    expect(removed.duties.map((duty: Duty) => duty.id)).not.toContain(firstTemplateItem.id);
    expect(removed.duties[0]).toMatchObject({ content: custom, position: 1 });
    expect(removed.duties).toHaveLength(appended.duties.length - 1);

    const unknown = await runner.run(admin, REMOVE_DUTY, { input: { id: post.id, version: removed.version, dutyId: firstTemplateItem.id } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byStaff = await runner.run(staffChem, ADD_DUTY, { input: { id: post.id, version: removed.version, content: '越权' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to remove the last duty item of a list', async () => {
    let post = await createPost(admin, { orgUnitId: mechanics.id, title: '门卫', kind: 'SECURITY_GUARD' });
    while (post.duties.length > 1) {
      post = (await runner.data(admin, REMOVE_DUTY, { input: { id: post.id, version: post.version, dutyId: post.duties[0].id } })).removePostDuty
        .post;
    }
    const last = await runner.run(admin, REMOVE_DUTY, { input: { id: post.id, version: post.version, dutyId: post.duties[0].id } });
    expect(last.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('lists posts by unit or subtree, kind and vacancy, paged and within the viewer\'s scope', async () => {
    const teacherPost = await createPost(admin, { orgUnitId: labOffice.id, title: '实验实训指导教师', kind: 'TEACHER', holderId: labKeeper });
    const ids = (data: any) => data.posts.edges.map((edge: any) => edge.node.id);

    const direct = await runner.data(admin, POSTS, { filter: { orgUnitId: chemistry.id } });
    expect(ids(direct)).not.toContain(teacherPost.id);
    const subtree = await runner.data(admin, POSTS, { filter: { orgUnitId: chemistry.id, includeSubtree: true } });
    expect(ids(subtree)).toContain(teacherPost.id);
    expect(subtree.posts.totalCount).toBe(direct.posts.totalCount + 1);

    const teachers = await runner.data(admin, POSTS, { filter: { orgUnitId: school.id, includeSubtree: true, kind: 'TEACHER' } });
    expect(ids(teachers)).toEqual([teacherPost.id]);
    const vacant = await runner.data(admin, POSTS, { filter: { orgUnitId: chemistry.id, includeSubtree: true, vacant: true } });
    const filled = await runner.data(admin, POSTS, { filter: { orgUnitId: chemistry.id, includeSubtree: true, vacant: false } });
    expect(vacant.posts.totalCount + filled.posts.totalCount).toBe(subtree.posts.totalCount);
    expect(vacant.posts.edges.map((edge: any) => edge.node.title)).toContain('学院安全员');
    expect(ids(filled)).toContain(teacherPost.id);

    const firstPage = await runner.data(admin, POSTS, { filter: { orgUnitId: school.id, includeSubtree: true }, first: 2 });
    expect(firstPage.posts.edges).toHaveLength(2);
    expect(firstPage.posts.pageInfo.hasNextPage).toBe(true);
    const secondPage = await runner.data(admin, POSTS, {
      filter: { orgUnitId: school.id, includeSubtree: true },
      first: 100,
      after: firstPage.posts.pageInfo.endCursor,
    });
    expect(secondPage.posts.edges).toHaveLength(firstPage.posts.totalCount - 2);
    expect(ids(secondPage)).not.toContain(ids(firstPage)[0]);

    const outOfScope = await runner.run(leaderMech, POSTS, { filter: { orgUnitId: chemistry.id } });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tooMany = await runner.run(admin, POSTS, { filter: { orgUnitId: school.id }, first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers dutyListOf with every post a person holds and its duty items', async () => {
    const list = (await runner.data(holderViewer(labKeeper, chemistry), DUTY_LIST_OF, { personId: labKeeper })).dutyListOf;
    expect(list.map((post: any) => post.title)).toEqual(['化学实验室主任', '实验实训指导教师']);
    expect(list[0].duties.map((duty: any) => duty.content)).toEqual([...dutyTemplateOf(PostKind.LAB_DIRECTOR)]);
    expect(list[1].duties[0]).toEqual({ position: 1, content: dutyTemplateOf(PostKind.TEACHER)[0] });

    expect((await runner.data(admin, DUTY_LIST_OF, { personId: mechTeacher })).dutyListOf).toEqual([]);
    const unseen = await runner.run(leaderMech, DUTY_LIST_OF, { personId: labKeeper });
    expect(unseen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  describe('duty assessments (履职自评与复评)', () => {
    let post: PostShape;
    let holder: Viewer;

    function scores(duties: Duty[], score: (index: number) => number) {
      return duties.map((duty, index) => ({ dutyId: duty.id, score: score(index) }));
    }

    beforeAll(async () => {
      post = await createPost(leaderChem, { orgUnitId: chemistry.id, title: '危化品库房管理员', kind: 'LAB_DIRECTOR', holderId: chemTeacher });
      holder = holderViewer(chemTeacher, chemistry);
    });

    it('lets the holder score every duty once per period, with the average as total', async () => {
      const items = post.duties.map((duty, index) => ({ dutyId: duty.id, score: index === 0 ? 70 : 90, comment: index === 0 ? '台账有缺漏' : null }));
      const assessment = (await runner.data(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-H2', items: [...items].reverse() } }))
        .submitDutySelfAssessment.assessment;
      const expectedTotal = Math.round(((70 + 90 * (items.length - 1)) / items.length) * 100) / 100;
      expect(assessment).toMatchObject({
        period: '2026-H2',
        status: 'SELF_ASSESSED',
        selfTotal: expectedTotal,
        reviewTotal: null,
        reviewedAt: null,
        version: 1,
        post: { id: post.id },
        holder: { id: chemTeacher },
        reviewer: null,
      });
      expect(assessment.items.map((item: any) => item.duty)).toEqual(post.duties);
      expect(assessment.items[0]).toMatchObject({ selfScore: 70, selfComment: '台账有缺漏', reviewScore: null });

      const second = await runner.run(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-H2', items } });
      expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', postId: post.id, period: '2026-H2' });

      const yearly = (await runner.data(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026', items: scores(post.duties, () => 100) } }))
        .submitDutySelfAssessment.assessment;
      expect(yearly).toMatchObject({ period: '2026', selfTotal: 100 });

      const listed = (await runner.data(leaderChem, POST_ASSESSMENTS, { id: post.id })).post.assessments;
      expect(listed.map((row: any) => row.period)).toEqual(['2026-H2', '2026']);
    });

    it('refuses a self-assessment by anyone but the holder, incomplete sheets, bad periods and scores', async () => {
      const full = scores(post.duties, () => 80);
      const byLeader = await runner.run(holderViewer(labKeeper, chemistry, Role.UNIT_LEADER), SELF_ASSESS, {
        input: { postId: post.id, period: '2026-Q3', items: full },
      });
      expect(byLeader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const outOfScope = await runner.run(holderViewer(chemTeacher, mechanics), SELF_ASSESS, { input: { postId: post.id, period: '2026-Q3', items: full } });
      expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      const incomplete = await runner.run(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-Q3', items: full.slice(1) } });
      expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'items', message: expect.any(String) }] });
      const repeated = await runner.run(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-Q3', items: [...full, full[0]] } });
      expect(repeated.errors?.[0].extensions?.fields).toEqual([{ field: `items[${full.length}].dutyId`, message: '同一事项只能评分一次' }]);

      const badPeriod = await runner.run(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-07', items: full } });
      expect(badPeriod.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'period' })] });
      const tooHigh = await runner.run(holder, SELF_ASSESS, {
        input: { postId: post.id, period: '2026-Q3', items: full.map((item, index) => (index === 1 ? { ...item, score: 101 } : item)) },
      });
      expect(tooHigh.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'items.1.score' })] });

      const [{ total }] = await db.dataSource.query("SELECT COUNT(*) AS total FROM post_duty_assessment WHERE period = '2026-Q3'");
      expect(Number(total)).toBe(0);
    });

    it('lets the unit leader review each duty once, never the holder themself, never out of scope', async () => {
      const [assessment] = (await runner.data(holder, POST_ASSESSMENTS, { id: post.id })).post.assessments;
      const current = (await runner.data(leaderChem, ASSESSMENT, { id: assessment.id })).dutyAssessment;
      const reviewScores = scores(current.items.map((item: any) => item.duty), (index) => (index === 0 ? 60 : 85));

      const ownPost = await runner.run(holderViewer(chemTeacher, chemistry, Role.UNIT_LEADER), REVIEW, {
        input: { id: current.id, version: current.version, items: reviewScores },
      });
      expect(ownPost.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byStaff = await runner.run(staffChem, REVIEW, { input: { id: current.id, version: current.version, items: reviewScores } });
      expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byOtherLeader = await runner.run(leaderMech, REVIEW, { input: { id: current.id, version: current.version, items: reviewScores } });
      expect(byOtherLeader.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const incomplete = await runner.run(leaderChem, REVIEW, { input: { id: current.id, version: current.version, items: reviewScores.slice(2) } });
      expect(incomplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const stale = await runner.run(leaderChem, REVIEW, { input: { id: current.id, version: current.version + 1, items: reviewScores } });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: current.version });

      const reviewer = holderViewer(labKeeper, chemistry, Role.UNIT_LEADER);
      const reviewed = (
        await runner.data(reviewer, REVIEW, {
          input: { id: current.id, version: current.version, items: reviewScores, comment: '危化品台账需每月核对' },
        })
      ).reviewDutyAssessment.assessment;
      const expectedTotal = Math.round(((60 + 85 * (reviewScores.length - 1)) / reviewScores.length) * 100) / 100;
      expect(reviewed).toMatchObject({
        status: 'REVIEWED',
        reviewTotal: expectedTotal,
        selfTotal: current.selfTotal,
        reviewComment: '危化品台账需每月核对',
        reviewer: { id: labKeeper },
        version: current.version + 1,
      });
      expect(reviewed.reviewedAt).toEqual(expect.any(String));
      expect(reviewed.items.map((item: any) => item.reviewScore)).toEqual(reviewScores.map((score) => score.score));
      expect(reviewed.items.map((item: any) => item.selfScore)).toEqual(current.items.map((item: any) => item.selfScore));

      const twice = await runner.run(admin, REVIEW, { input: { id: current.id, version: reviewed.version, items: reviewScores } });
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await runner.data(leaderMech, ASSESSMENT, { id: current.id })).dutyAssessment).toBeNull();
    });

    it('keeps what was assessed when the duty list changes afterwards', async () => {
      const fresh = (await runner.data(admin, POST, { id: post.id })).post;
      const removedDuty = fresh.duties[0];
      await runner.data(admin, REMOVE_DUTY, { input: { id: post.id, version: fresh.version, dutyId: removedDuty.id } });

      const [latest] = (await runner.data(admin, POST_ASSESSMENTS, { id: post.id })).post.assessments;
      const assessment = (await runner.data(admin, ASSESSMENT, { id: latest.id })).dutyAssessment;
      expect(assessment.items[0].duty).toEqual(removedDuty);
      expect(assessment.items).toHaveLength(fresh.duties.length);

      const q4 = await runner.run(holder, SELF_ASSESS, { input: { postId: post.id, period: '2026-Q4', items: scores(fresh.duties, () => 90) } });
      expect(q4.errors?.[0].extensions?.fields).toEqual([{ field: 'items[0].dutyId', message: '不是本岗位责任清单中的事项' }]);
    });
  });
});
