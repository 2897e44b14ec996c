import { Role } from '@campus/auth';
import { enclosingPaths } from '@campus/server';
import { viewerWith } from '@campus/testing';
import { CampaignPhaseKind, CampaignReportState, CampaignStatus } from './campaign-enums';
import {
  campaignDateProblems,
  canSeeCampaign,
  currentPhase,
  isLateSubmission,
  rectificationRate,
  reportCutoff,
  reportState,
} from './campaign-rules';

const { SELF_CHECK, RECTIFY, SUPERVISE } = CampaignPhaseKind;

/** The 2021 兰州现代职业学院 campus-safety plan's timetable, moved to 2026. */
const SEED_PLAN = {
  startsOn: '2026-11-08',
  endsOn: '2027-01-03',
  phases: [
    { kind: SELF_CHECK, deadline: '2026-11-15' },
    { kind: RECTIFY, deadline: '2026-12-15' },
    { kind: SUPERVISE, deadline: '2026-12-30' },
  ],
  reportDates: ['2026-11-22', '2026-12-06', '2026-12-20', '2027-01-03'],
};

describe('campaign date rules', () => {
  it('accepts seed 001 plan, phases given in any order', () => {
    expect(campaignDateProblems(SEED_PLAN)).toEqual([]);
    expect(campaignDateProblems({ ...SEED_PLAN, phases: [...SEED_PLAN.phases].reverse() })).toEqual([]);
    expect(campaignDateProblems({ ...SEED_PLAN, phases: [SEED_PLAN.phases[1]] })).toEqual([]);
  });

  it('refuses an end before the start', () => {
    const problems = campaignDateProblems({ ...SEED_PLAN, endsOn: '2026-11-01', phases: [], reportDates: [] });
    expect(problems).toEqual([{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
  });

  it('refuses phase deadlines outside the campaign or not increasing in phase order', () => {
    const problems = campaignDateProblems({
      ...SEED_PLAN,
      phases: [
        { kind: SELF_CHECK, deadline: '2026-11-01' },
        { kind: SUPERVISE, deadline: '2026-12-10' },
        { kind: RECTIFY, deadline: '2026-12-15' },
      ],
    });
    expect(problems.map((problem) => problem.field)).toEqual(['phases.0.deadline', 'phases.1.deadline']);
    expect(problems[0].message).toBe('自查自纠阶段的截止日期应在专项整治期间内（2026-11-08 至 2027-01-03）');
    expect(problems[1].message).toBe('督导检查阶段的截止日期应晚于整改完善阶段（2026-12-15）');
  });

  it('refuses the same deadline for two phases and a phase twice', () => {
    const sameDay = campaignDateProblems({ ...SEED_PLAN, phases: [{ kind: SELF_CHECK, deadline: '2026-11-15' }, { kind: RECTIFY, deadline: '2026-11-15' }] });
    expect(sameDay.map((problem) => problem.field)).toEqual(['phases.1.deadline']);
    const twice = campaignDateProblems({ ...SEED_PLAN, phases: [{ kind: RECTIFY, deadline: '2026-11-15' }, { kind: RECTIFY, deadline: '2026-12-15' }] });
    expect(twice).toEqual([{ field: 'phases.1.kind', message: '阶段重复：整改完善' }]);
  });

  it('refuses report dates outside the campaign or given twice', () => {
    const problems = campaignDateProblems({ ...SEED_PLAN, reportDates: ['2026-11-22', '2027-01-04', '2026-11-22', '2026-11-07'] });
    expect(problems).toEqual([
      { field: 'reportDates.1', message: '报送日期应在专项整治期间内（2026-11-08 至 2027-01-03）' },
      { field: 'reportDates.2', message: '报送日期重复：2026-11-22' },
      { field: 'reportDates.3', message: '报送日期应在专项整治期间内（2026-11-08 至 2027-01-03）' },
    ]);
  });

  it('knows the phase under way', () => {
    expect(currentPhase(SEED_PLAN.startsOn, SEED_PLAN.phases, '2026-11-07')).toBeNull();
    expect(currentPhase(SEED_PLAN.startsOn, SEED_PLAN.phases, '2026-11-08')).toBe(SELF_CHECK);
    expect(currentPhase(SEED_PLAN.startsOn, SEED_PLAN.phases, '2026-11-15')).toBe(SELF_CHECK);
    expect(currentPhase(SEED_PLAN.startsOn, SEED_PLAN.phases, '2026-11-16')).toBe(RECTIFY);
    expect(currentPhase(SEED_PLAN.startsOn, [...SEED_PLAN.phases].reverse(), '2026-12-16')).toBe(SUPERVISE);
    expect(currentPhase(SEED_PLAN.startsOn, SEED_PLAN.phases, '2026-12-31')).toBeNull();
  });
});

describe('report dates', () => {
  it('takes the figures at 00:00 Shanghai of the report date (截至前一日24时)', () => {
    expect(reportCutoff('2026-11-22').toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('counts a submission on the report date (Shanghai) as on time, the day after as late', () => {
    expect(isLateSubmission(new Date('2026-11-22T15:59:00.000Z'), '2026-11-22')).toBe(false);
    expect(isLateSubmission(new Date('2026-11-22T16:00:00.000Z'), '2026-11-22')).toBe(true);
    expect(isLateSubmission(new Date('2026-11-10T08:00:00.000Z'), '2026-11-22')).toBe(false);
  });

  it('shows pending until the report date has passed, then missing', () => {
    expect(reportState('2026-11-22', null, '2026-11-21')).toBe(CampaignReportState.PENDING);
    expect(reportState('2026-11-22', null, '2026-11-22')).toBe(CampaignReportState.PENDING);
    expect(reportState('2026-11-22', null, '2026-11-23')).toBe(CampaignReportState.MISSING);
    expect(reportState('2026-11-22', { late: false }, '2026-11-30')).toBe(CampaignReportState.SUBMITTED);
    expect(reportState('2026-11-22', { late: true }, '2026-11-30')).toBe(CampaignReportState.LATE);
  });

  it('computes the rectification rate, none when nothing was found', () => {
    expect(rectificationRate(4, 1)).toBe(0.25);
    expect(rectificationRate(0, 0)).toBeNull();
  });
});

describe('campaign visibility', () => {
  const SCHOOL = '/bureau/school/';
  const college = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'college', '/bureau/school/college/']]);
  const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', SCHOOL]]);
  const elsewhere = viewerWith('other', [[Role.SAFETY_OFFICE, 'other', '/bureau/other/']]);

  it('lists the units above a path', () => {
    expect(enclosingPaths('/bureau/school/college/')).toEqual(['/bureau/', '/bureau/school/']);
    expect(enclosingPaths('/bureau/')).toEqual([]);
  });

  it('shows a draft to its organisers only, an issued campaign also to the units inside its scope', () => {
    expect(canSeeCampaign(office, { orgPath: SCHOOL, status: CampaignStatus.DRAFT })).toBe(true);
    expect(canSeeCampaign(college, { orgPath: SCHOOL, status: CampaignStatus.DRAFT })).toBe(false);
    expect(canSeeCampaign(college, { orgPath: SCHOOL, status: CampaignStatus.ACTIVE })).toBe(true);
    expect(canSeeCampaign(college, { orgPath: SCHOOL, status: CampaignStatus.CLOSED })).toBe(true);
    expect(canSeeCampaign(elsewhere, { orgPath: SCHOOL, status: CampaignStatus.ACTIVE })).toBe(false);
  });
});
