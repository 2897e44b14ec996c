import { Role } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { SectionPairingEntity } from './section-pairing.entity';

const REFUSAL = '只有教育局安全管理员可以安排股室联校包抓';

/**
 * 股室联校包抓, scoped by the section: the bureau's admins manage it; the section's people read it. The paired
 * school reads who is paired with it through OrgUnit.pairedSections (names only).
 */
export const SECTION_PAIRING_POLICY = definePolicy({
  aggregate: 'SectionPairing',
  label: '股室联校包抓',
  actions: {
    view: viewRule(),
    create: {
      roles: [Role.BUREAU_ADMIN],
      label: '安排',
      refusal: REFUSAL,
      condition: '股室为教育局直属的科室，学校为该教育局下属学校；同一股室与学校不重复包抓；包抓期间股室人员获得该校的督导组成员权限（重新登录后生效）',
    },
    edit: { roles: [Role.BUREAU_ADMIN], label: '修改包抓领导、起始日期和备注', refusal: REFUSAL },
    end: {
      roles: [Role.BUREAU_ADMIN],
      label: '结束',
      refusal: REFUSAL,
      condition: '结束后股室人员对该校的权限随即失效（其已登录的会话作废）',
    },
  },
});

export const SECTION_PAIRING_ACCESS = scopedAccess(SECTION_PAIRING_POLICY, SectionPairingEntity);
