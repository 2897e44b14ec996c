import { FireAcceptanceStatus, fireAcceptanceProblems } from './fire-acceptance-status';

const TODAY = '2026-12-07';

describe('fireAcceptanceProblems', () => {
  it('asks an acceptance for its document number, date and authority', () => {
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.ACCEPTED }, TODAY).map((problem) => problem.field)).toEqual([
      'documentNumber',
      'acceptedOn',
      'authority',
    ]);
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.FILED, documentNumber: ' ' }, TODAY)[0]).toEqual({
      field: 'documentNumber',
      message: '已备案须填写备案凭证编号',
    });
  });

  it('accepts a complete acceptance, and statuses that need no document', () => {
    const complete = { status: FireAcceptanceStatus.ACCEPTED, documentNumber: '县住建消验字〔2024〕12号', acceptedOn: '2024-05-20', authority: '县住房和城乡建设局' };
    expect(fireAcceptanceProblems(complete, TODAY)).toEqual([]);
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.NOT_ACCEPTED }, TODAY)).toEqual([]);
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.IN_PROGRESS }, TODAY)).toEqual([]);
  });

  it('refuses a date in the future and an exemption without its reason', () => {
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.IN_PROGRESS, acceptedOn: '2026-12-08' }, TODAY)).toEqual([
      { field: 'acceptedOn', message: '日期不能晚于今天' },
    ]);
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.EXEMPT, exemptReason: '' }, TODAY)).toEqual([
      { field: 'exemptReason', message: '无需验收须说明理由' },
    ]);
    expect(fireAcceptanceProblems({ status: FireAcceptanceStatus.EXEMPT, exemptReason: '临时构筑物' }, TODAY)).toEqual([]);
  });
});
