/**
 * The dossier's lifecycle states and the national status code each maps to (the list used by
 * the national public service portal). Shared because intake and delivery answer with the
 * status their mutations cause, while processing owns it.
 */
export const NATIONAL_STATUS_CODES = {
  NEW: 1, // mới đăng ký (online, not yet accepted)
  RECEIVED: 2, // đã tiếp nhận
  NOT_ACCEPTED: 3, // không tiếp nhận
  PROCESSING: 4, // đang xử lý
  SUPPLEMENT_REQUESTED: 5, // yêu cầu bổ sung
  FINANCIAL_OBLIGATION: 6, // yêu cầu thực hiện nghĩa vụ tài chính
  WITHDRAWN: 7, // công dân yêu cầu rút hồ sơ
  STOPPED: 8, // dừng xử lý
  RESOLVED: 9, // đã xử lý xong
  RETURNED: 10, // đã trả kết quả
} as const;

export type DossierStatus = keyof typeof NATIONAL_STATUS_CODES;

/**
 * What moved a dossier, as DossierStatusChanged announces it: the lifecycle's actions (processing's
 * domain/lifecycle.ts gives each its rule). In the catalogue so that a consumer dispatches on these
 * names, not on national codes or a pattern over a string.
 */
export const LIFECYCLE_ACTIONS = [
  'ACCEPT', // tiếp nhận an online dossier (intake's acceptDossier)
  'REFUSE', // từ chối tiếp nhận
  'COMPLETE_STEP', // one ISO step done; the first one (handover) starts processing
  'REQUEST_SUPPLEMENT', // yêu cầu bổ sung, hoàn thiện hồ sơ: the clock stops
  'SUBMIT_SUPPLEMENT', // the applicant supplied it: the clock resumes
  'REQUEST_FINANCIAL_OBLIGATION', // yêu cầu thực hiện nghĩa vụ tài chính: the clock stops
  'CONFIRM_FINANCIAL_OBLIGATION', // paid: the clock resumes
  'WITHDRAW', // rút hồ sơ
  'STOP', // dừng xử lý
  'DECIDE', // approved with a result or rejected with reasons
  'RETURN_RESULT', // trả kết quả (delivery's ResultReturned)
  'TRANSFER', // liên thông: another centre goes on with it
  'APOLOGISE', // văn bản xin lỗi và đề nghị gia hạn
  'ASSIGN', // phân công: a named officer takes the current step
  'SEND_BACK', // trả lại bước trước để làm lại: back to an earlier step for rework
  'ACCEPT_INTER_AGENCY', // liên thông: the receiving agency takes the dossier
  'RETURN_INTER_AGENCY', // liên thông: the receiving agency returns it, with a reason
] as const;

export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];
