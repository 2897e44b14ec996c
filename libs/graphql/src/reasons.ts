/**
 * Why a request was refused, for programs: every error a client sees carries `extensions.code` (the
 * GraphQL family) and `extensions.reason` (one of these). Frontends branch on the reason, never on the
 * message. Each reason has its family and the Chinese message shown when the thrower adds nothing more
 * specific. `npm run policy:write` prints this catalogue into docs/access-policy.md.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  // Nothing was done: the same request may be sent again after extensions.retryAfterSeconds.
  | 'SERVICE_UNAVAILABLE'
  // A change may or may not have been made: send it again only with the same clientRequestId.
  | 'OUTCOME_UNKNOWN'
  | 'INTERNAL_SERVER_ERROR';

interface ReasonSpec {
  code: ErrorCode;
  message: string;
}

export const REASONS = {
  SIGN_IN_REQUIRED: { code: 'UNAUTHENTICATED', message: '请先登录' },
  TOKEN_INVALID: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  WRONG_CREDENTIALS: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' },
  LOGIN_DELAYED: { code: 'UNAUTHENTICATED', message: '登录失败次数较多，请稍后再试' },
  LOGIN_LOCKED: { code: 'UNAUTHENTICATED', message: '登录失败次数过多，已临时锁定，请稍后再试' },

  INVALID_INPUT: { code: 'BAD_USER_INPUT', message: '输入有误' },
  REQUEST_INVALID: { code: 'BAD_USER_INPUT', message: '请求格式有误' },
  WEAK_PASSWORD: { code: 'BAD_USER_INPUT', message: '密码不符合安全要求' },
  FILE_TYPE_REFUSED: { code: 'BAD_USER_INPUT', message: '文件类型不受支持' },
  FILE_TOO_LARGE: { code: 'BAD_USER_INPUT', message: '文件超过大小上限' },
  IDEMPOTENCY_KEY_REUSED: { code: 'BAD_USER_INPUT', message: '该请求编号已用于内容不同的另一次提交，请为新的提交使用新的请求编号' },

  NOT_FOUND: { code: 'NOT_FOUND', message: '记录不存在或不在您的管辖范围内' },

  ROLE_REQUIRED: { code: 'FORBIDDEN', message: '无权执行此操作' },
  NO_LINKED_PERSON: { code: 'FORBIDDEN', message: '您的账号未关联人员，不能执行此操作' },
  NOT_THE_NAMED_PERSON: { code: 'FORBIDDEN', message: '只有指定的人员本人可以执行此操作' },
  NOT_IN_AUDIENCE: { code: 'FORBIDDEN', message: '您不在参加对象范围内' },
  OWN_RECORD: { code: 'FORBIDDEN', message: '不能审核、复评或授权与本人相关的记录' },
  LOCAL_LOGIN_DISABLED: { code: 'FORBIDDEN', message: '本系统使用统一身份认证登录，未开放本地账号' },
  GATEWAY_ONLY: { code: 'FORBIDDEN', message: '本服务只接受经网关转发的请求' },
  OPERATION_NOT_REGISTERED: { code: 'FORBIDDEN', message: '本系统只执行已登记的操作（可信文档）' },

  STALE_VERSION: { code: 'CONFLICT', message: '记录已被他人修改，请刷新后重试' },
  ILLEGAL_TRANSITION: { code: 'CONFLICT', message: '当前状态不允许此操作' },
  DUPLICATE: { code: 'CONFLICT', message: '记录已存在' },
  INACTIVE: { code: 'CONFLICT', message: '对象已停用或撤销' },
  IN_USE: { code: 'CONFLICT', message: '仍有下级或关联记录在用，不能执行此操作' },
  OUTSIDE_RANGE: { code: 'CONFLICT', message: '不在允许的单位、场所或时间范围内' },
  NOT_YET_DUE: { code: 'CONFLICT', message: '时间未到，暂不能执行此操作' },
  TERM_OVERLAP: { code: 'CONFLICT', message: '任期与已有任期重叠' },
  MOVE_CYCLE: { code: 'CONFLICT', message: '不能把单位移动到它自己或它的下级单位之下' },
  LIMIT_REACHED: { code: 'CONFLICT', message: '超过允许的数量' },
  INCOMPLETE: { code: 'CONFLICT', message: '内容不完整，不能执行此操作' },
  PLAN_INCOMPLETE: { code: 'CONFLICT', message: '整改方案（四落实）不完整，不能开始治理' },
  SELF_ACCEPTANCE: { code: 'CONFLICT', message: '整改人或整改责任人不能验收本隐患' },
  MAJOR_HAZARD_RULE: { code: 'CONFLICT', message: '重大隐患须按整改方案治理' },
  CHECK_IN_CLOSED: { code: 'CONFLICT', message: '签到已截止' },
  NO_FIRST_RESPONSIBLE_PERSON: { code: 'CONFLICT', message: '该单位尚未确定第一责任人（单位负责人授权）' },
  NOT_FIRST_RESPONSIBLE_PERSON: { code: 'CONFLICT', message: '所填人员不是该单位的第一责任人' },
  NOT_DESIGNATED: { code: 'CONFLICT', message: '该人员不在单位指定的名单内（如带班领导名单）' },
  LAB_REQUIREMENTS_NOT_MET: { code: 'CONFLICT', message: '未满足实验室准入条件（安全培训、安全测试）' },

  SERVICE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', message: '依赖的服务暂时不可用，请稍后重试' },
  SUBGRAPH_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用（可能正在重启），请稍后重试' },
  OVERLOADED: { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后重试' },
  OUTCOME_UNKNOWN: { code: 'OUTCOME_UNKNOWN', message: '服务连接中断，无法确认操作是否已完成；请使用相同的 clientRequestId 重试' },


  INTERNAL: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' },
} as const satisfies Record<string, ReasonSpec>;

export type Reason = keyof typeof REASONS;

/** The reasons of one family, e.g. the CONFLICT ones, so a thrower cannot pick one of another family. */
export type ReasonOf<C extends ErrorCode> = { [R in Reason]: (typeof REASONS)[R]['code'] extends C ? R : never }[Reason];

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REASONS, value);
}

/** The reason a client sees for an error that came without one (e.g. from graphql-js or type-graphql). */
export function defaultReasonOf(code: string): Reason {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'SIGN_IN_REQUIRED';
    case 'FORBIDDEN':
      return 'ROLE_REQUIRED';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'ILLEGAL_TRANSITION';
    case 'BAD_USER_INPUT':
      return 'INVALID_INPUT';
    case 'SERVICE_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'OUTCOME_UNKNOWN':
      return 'OUTCOME_UNKNOWN';
    case 'INTERNAL_SERVER_ERROR':
      return 'INTERNAL';
    default:
      return 'REQUEST_INVALID';
  }
}
