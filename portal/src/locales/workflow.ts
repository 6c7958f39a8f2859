/**
 * The labels of the departments' way of working (issue #20): named assignees, my dossiers, send-back,
 * parallel branches, inter-agency transfers (liên thông) and the holders of the control slip.
 * Vietnamese and English (merged into ../locales.ts).
 */
export const vi = {
  wf: {
    mine: 'Hồ sơ của tôi', mineLead: 'Các hồ sơ đang được giao cho bạn, gấp nhất trước.', mineEmpty: 'Chưa có hồ sơ nào được giao cho bạn.', views: 'Danh sách hồ sơ',
    assign: 'Giao xử lý', reassign: 'Giao lại', assignTitle: 'Giao xử lý «{{step}}»', officer: 'Cán bộ xử lý', assignee: 'Người xử lý', unassigned: 'Chưa giao',
    noOfficers: 'Không có cán bộ nào của vai trò này tại cơ quan.', assigned: 'Đã giao hồ sơ {{code}} cho {{name}}.', assignFor: 'Giao xử lý hồ sơ {{code}}',
    progress: 'Tiến độ xử lý', active: 'Đang xử lý', activeSteps: 'Các bước đang xử lý', branch: 'Nhánh', branchDone: 'Hoàn thành nhánh', branchDoneTitle: 'Hoàn thành nhánh «{{branch}}»',
    step: 'Bước', stepDue: 'Hạn bước', doneStep: 'Đã xong', pending: 'Chưa đến', skipped: 'Bỏ qua', you: 'bạn',
    sendBack: 'Trả lại bước trước', sendBackTo: 'Trả lại bước', sendBackTitle: 'Trả lại hồ sơ để làm lại',
    interAgency: 'Liên thông', agency: 'Cơ quan phối hợp', sentAt: 'Ngày chuyển', shareDueAt: 'Hạn phần việc của cơ quan',
    state: { AWAITING_ACCEPTANCE: 'Chờ tiếp nhận', ACCEPTED: 'Đã tiếp nhận', RETURNED: 'Bị trả lại', DONE: 'Đã xong' },
    acceptTransfer: 'Tiếp nhận', returnTransfer: 'Trả lại', acceptTitle: 'Tiếp nhận hồ sơ liên thông {{code}}', returnTitle: 'Trả lại hồ sơ liên thông {{code}}',
    holders: 'Người giữ hồ sơ', holder: 'Người giữ', from: 'Từ', until: 'Đến', heldHours: 'Giờ làm việc', rework: 'Làm lại', stillHeld: 'đang giữ', byRole: '{{role}} (chưa giao)',
    kind: { TASK: 'Một bộ phận', PARALLEL: 'Song song nhiều phòng', INTER_AGENCY: 'Liên thông cơ quan khác' },
  },
  wfAdmin: {
    kind: 'Loại bước', agency: 'Cơ quan liên thông', branches: 'Các nhánh song song', addBranch: 'Thêm nhánh', removeBranch: 'Xóa nhánh {{n}}', branch: 'Nhánh {{n}}',
    branchCode: 'Mã nhánh', branchName: 'Phòng ban', branchHours: 'Thời gian của nhánh (giờ làm việc)', condition: 'Chỉ áp dụng khi', applicantKind: 'Người nộp là', anyApplicant: 'Bất kỳ', feeAtLeast: 'Lệ phí từ (đồng)',
    applicant: { CITIZEN: 'Công dân', ORGANIZATION: 'Tổ chức, doanh nghiệp' }, sendBackTo: 'Có thể trả lại bước', anyEarlier: 'Mọi bước trước', more: 'Loại bước, điều kiện, trả lại',
    needBranches: 'Bước song song cần ít nhất hai nhánh.', needAgency: 'Chọn cơ quan liên thông.',
  },
};

export const en: typeof vi = {
  wf: {
    mine: 'My dossiers', mineLead: 'The dossiers assigned to you, most urgent first.', mineEmpty: 'No dossier is assigned to you yet.', views: 'Dossier lists',
    assign: 'Assign', reassign: 'Reassign', assignTitle: 'Assign “{{step}}”', officer: 'Officer', assignee: 'Assignee', unassigned: 'Not assigned',
    noOfficers: 'No officer of this role at the centre.', assigned: 'Dossier {{code}} was assigned to {{name}}.', assignFor: 'Assign dossier {{code}}',
    progress: 'Progress', active: 'In progress', activeSteps: 'Steps in progress', branch: 'Branch', branchDone: 'Branch done', branchDoneTitle: 'Complete the branch “{{branch}}”',
    step: 'Step', stepDue: 'Step due', doneStep: 'Done', pending: 'Not yet', skipped: 'Skipped', you: 'you',
    sendBack: 'Send back', sendBackTo: 'Send back to step', sendBackTitle: 'Send the dossier back for rework',
    interAgency: 'Inter-agency transfer', agency: 'Agency', sentAt: 'Sent', shareDueAt: "Agency's share due",
    state: { AWAITING_ACCEPTANCE: 'Awaiting acceptance', ACCEPTED: 'Accepted', RETURNED: 'Returned', DONE: 'Done' },
    acceptTransfer: 'Accept', returnTransfer: 'Return', acceptTitle: 'Accept the transferred dossier {{code}}', returnTitle: 'Return the transferred dossier {{code}}',
    holders: 'Holders', holder: 'Held by', from: 'From', until: 'Until', heldHours: 'Working hours', rework: 'Rework', stillHeld: 'still held', byRole: '{{role}} (not assigned)',
    kind: { TASK: 'One department', PARALLEL: 'Departments in parallel', INTER_AGENCY: 'Another agency' },
  },
  wfAdmin: {
    kind: 'Step kind', agency: 'Agency', branches: 'Parallel branches', addBranch: 'Add a branch', removeBranch: 'Remove branch {{n}}', branch: 'Branch {{n}}',
    branchCode: 'Branch code', branchName: 'Department', branchHours: 'Branch duration (working hours)', condition: 'Applies only when', applicantKind: 'Applicant is', anyApplicant: 'Any', feeAtLeast: 'Fee at least (VND)',
    applicant: { CITIZEN: 'A citizen', ORGANIZATION: 'An organisation or business' }, sendBackTo: 'May send back to', anyEarlier: 'Any earlier step', more: 'Kind, condition, send-back',
    needBranches: 'A parallel step needs at least two branches.', needAgency: 'Choose the agency.',
  },
};
