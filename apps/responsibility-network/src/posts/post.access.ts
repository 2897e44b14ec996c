import { UNIT_HEAD_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { PostEntity } from './post.entity';

/** Who sets up a unit's posts and their duty lists: its leadership and the offices above it. */
const POST_KEEPERS = UNIT_HEAD_ROLES;
const REFUSAL = '只有本单位负责人或安全管理部门可以设置岗位和责任清单';
const HOLDER_RULE = '任职人员须为设岗单位或其下级单位的在职人员';

/**
 * A post and its duty list (一岗双责). Posts have no lifecycle: being vacant or held is who holds them,
 * not a status.
 */
export const POST_POLICY = definePolicy({
  aggregate: 'Post',
  label: '岗位',
  actions: {
    view: viewRule(),
    create: { roles: POST_KEEPERS, label: '设立', refusal: REFUSAL, condition: `${HOLDER_RULE}；带入该类别的责任清单模板` },
    edit: { roles: POST_KEEPERS, label: '修改、安排任职或腾空', refusal: REFUSAL, condition: HOLDER_RULE },
    editDuties: { roles: POST_KEEPERS, label: '增删责任清单事项', refusal: REFUSAL, condition: '责任清单至少 1 项、最多 30 项，不重复' },
  },
});

export const POST_ACCESS = scopedAccess(POST_POLICY, PostEntity);
