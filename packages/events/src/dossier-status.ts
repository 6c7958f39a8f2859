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
