import * as publicPages from './locales/public';
import * as citizen from './locales/citizen';
import * as dashboard from './locales/dashboard';
import * as admin from './locales/admin';

/** Every label, message and error of the portal, in Vietnamese (the default) and English. */
const officers = {
  app: { title: 'Cổng dịch vụ công một cửa', short: 'Một cửa', skip: 'Bỏ qua đến nội dung chính' },
  nav: { home: 'Trang chủ', counter: 'Tiếp nhận', inbox: 'Hồ sơ cần xử lý', returns: 'Trả kết quả', dashboard: 'Báo cáo, thống kê', admin: 'Quản trị', me: 'Hồ sơ của tôi', submit: 'Nộp hồ sơ trực tuyến', signIn: 'Đăng nhập', signOut: 'Đăng xuất', language: 'Ngôn ngữ', menu: 'Điều hướng chính' },
  roles: { INTAKE_OFFICER: 'Cán bộ tiếp nhận', SPECIALIST: 'Chuyên viên xử lý', LEADER: 'Lãnh đạo', ADMIN: 'Quản trị viên', OBSERVER: 'Thanh tra, giám sát', CITIZEN: 'Công dân' },
  status: {
    NEW: 'Mới đăng ký', RECEIVED: 'Đã tiếp nhận', NOT_ACCEPTED: 'Không được tiếp nhận', PROCESSING: 'Đang giải quyết', SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
    FINANCIAL_OBLIGATION: 'Chờ thực hiện nghĩa vụ tài chính', WITHDRAWN: 'Công dân rút hồ sơ', STOPPED: 'Dừng xử lý', RESOLVED: 'Đã giải quyết', RETURNED: 'Đã trả kết quả',
  },
  sla: { ON_TRACK: 'Trong hạn', DUE_SOON: 'Sắp đến hạn', OVERDUE: 'Quá hạn', PAUSED: 'Tạm dừng' },
  delivery: {
    COUNTER: 'Tại Bộ phận Một cửa', POST: 'Qua bưu chính công ích', ONLINE: 'Trực tuyến',
    AWAITING_RESULT: 'Chờ kết quả', READY: 'Sẵn sàng trả', BOOKING: 'Đang đặt bưu gửi', BOOKED: 'Đã đặt bưu gửi', ACCEPTED: 'Bưu điện đã nhận', IN_TRANSIT: 'Đang vận chuyển',
    DELIVERED: 'Đã phát', DOWNLOADED: 'Đã tải về', PICKED_UP: 'Đã nhận tại quầy', RETURNED: 'Bị hoàn lại', FAILED: 'Phát không thành công',
  },
  channel: { COUNTER: 'Trực tiếp', ONLINE: 'Trực tuyến', POST: 'Qua bưu chính' },
  history: {
    RECEIVE: 'Tiếp nhận hồ sơ', SUBMIT_ONLINE: 'Nộp hồ sơ trực tuyến', ACCEPT: 'Tiếp nhận hồ sơ trực tuyến', REFUSE: 'Từ chối tiếp nhận', COMPLETE_STEP: 'Hoàn thành bước', REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung',
    SUBMIT_SUPPLEMENT: 'Nộp bổ sung', REQUEST_FINANCIAL_OBLIGATION: 'Yêu cầu thực hiện nghĩa vụ tài chính', CONFIRM_FINANCIAL_OBLIGATION: 'Đã thực hiện nghĩa vụ tài chính',
    WITHDRAW: 'Rút hồ sơ', STOP: 'Dừng xử lý', DECIDE: 'Quyết định giải quyết', RETURN_RESULT: 'Trả kết quả', TRANSFER: 'Chuyển xử lý (liên thông)', APOLOGISE: 'Xin lỗi, gia hạn',
    ASSIGN: 'Giao xử lý', SEND_BACK: 'Trả lại bước trước', ACCEPT_INTER_AGENCY: 'Cơ quan liên thông tiếp nhận', RETURN_INTER_AGENCY: 'Cơ quan liên thông trả lại',
  },
  units: { WORKING_DAYS: '{{count}} ngày làm việc', CALENDAR_DAYS: '{{count}} ngày', WORKING_HOURS: '{{count}} giờ làm việc' },
  fields: {
    dossierCode: 'Mã hồ sơ', verifier: 'Mã xác minh', identityNumber: 'Số định danh', fullName: 'Họ và tên', phone: 'Số điện thoại', email: 'Thư điện tử', address: 'Địa chỉ',
    procedure: 'Thủ tục', centre: 'Cơ quan', deliveryMethod: 'Hình thức nhận kết quả', deliveryAddress: 'Địa chỉ nhận kết quả', reason: 'Lý do', note: 'Ghi chú',
    status: 'Trạng thái', receivedAt: 'Ngày tiếp nhận', dueAt: 'Hẹn trả', timeLeft: 'Thời gian còn lại', applicant: 'Người nộp', step: 'Bước hiện tại', deadline: 'Tiến độ',
    channel: 'Hình thức nộp', resolvedAt: 'Ngày giải quyết', receivingCentre: 'Nơi tiếp nhận', processingCentre: 'Nơi xử lý', trackingNumber: 'Mã bưu gửi',
    collectedAt: 'Thời điểm nhận', collector: 'Người nhận kết quả', collectorId: 'Số định danh người nhận', rating: 'Mức độ hài lòng', comment: 'Góp ý',
    resultTitle: 'Tên kết quả', documentType: 'Loại giấy tờ', resultFile: 'Tệp kết quả', newDueAt: 'Ngày hẹn trả mới', toCentre: 'Chuyển đến cơ quan', components: 'Thành phần cần bổ sung',
  },
  common: {
    search: 'Tìm', all: 'Tất cả', cancel: 'Hủy', confirm: 'Xác nhận', close: 'Đóng', print: 'In', loading: 'Đang tải…', none: 'Không có', back: 'Quay lại', refresh: 'Làm mới',
    previous: 'Trang trước', next: 'Trang sau', open: 'Mở', hours: '{{count}} giờ làm việc', overdueBy: 'Quá {{count}} giờ làm việc', page: 'Trang {{page}}', required: 'Vui lòng nhập {{field}}',
    yes: 'Có', no: 'Không', download: 'Tải về', results: '{{count}} hồ sơ',
  },
  errors: {
    UNAUTHENTICATED: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
    FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này với hồ sơ này.',
    NOT_FOUND: 'Không tìm thấy hồ sơ hoặc dữ liệu được yêu cầu.',
    CONFLICT: 'Hồ sơ đã chuyển sang trạng thái khác nên không thể thực hiện thao tác này. Trang đã được cập nhật.',
    BAD_USER_INPUT: 'Thông tin nhập chưa hợp lệ. Vui lòng kiểm tra lại.',
    SERVICE_UNAVAILABLE: 'Hệ thống đang gián đoạn, vui lòng thử lại sau ít phút.',
    NETWORK: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    UNKNOWN: 'Đã có lỗi xảy ra. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.',
    fileTooLarge: 'Tệp quá lớn: tối đa {{max}}.',
    fileType: 'Chỉ nhận tệp PDF, JPG hoặc PNG.',
  },
  guard: {
    signInTitle: 'Vui lòng đăng nhập', signInText: 'Trang này dành cho cán bộ đã đăng nhập.',
    forbiddenTitle: 'Trang này không dành cho vai trò của bạn', forbiddenText: 'Trang «{{page}}» dành cho: {{roles}}.', goHome: 'Về trang chủ',
  },
  home: {
    title: 'Trung tâm Phục vụ hành chính công', lead: 'Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính cho người dân và doanh nghiệp.',
    track: 'Tra cứu hồ sơ', trackText: 'Nhập mã hồ sơ trên giấy hẹn và bốn số cuối số định danh hoặc số điện thoại.',
    signIn: 'Cán bộ đăng nhập', signedInAs: 'Bạn đang đăng nhập: {{name}} ({{role}})', workspace: 'Vào không gian làm việc',
    procedures: 'Thủ tục hành chính', proceduresCount: '{{count}} thủ tục đang áp dụng',
  },
  later: { title: 'Trang đang được xây dựng', text: 'Trang «{{page}}» sẽ có trong phiên bản tiếp theo của cổng.', } ,
  notFound: { title: 'Không tìm thấy trang', text: 'Địa chỉ này không có trên cổng.' },
  login: {
    title: 'Đăng nhập', demo: 'Người dùng thử của tỉnh mẫu (chỉ có ở môi trường phát triển)', demoHint: 'Chọn một người dùng: cổng ký phiên đăng nhập ở máy chủ.',
    province: 'Cấp tỉnh', redirecting: 'Đang chuyển đến trang đăng nhập của hệ thống định danh…', failed: 'Không đăng nhập được.',
    identityProvider: 'Đăng nhập bằng tài khoản định danh', identityProviderHint: 'Bạn sẽ được chuyển đến trang đăng nhập của hệ thống định danh, rồi trở lại trang này.',
    noRole: 'Tài khoản của bạn chưa được cấp quyền trên hệ thống này. Vui lòng liên hệ quản trị viên của cơ quan.', unavailable: 'Chưa cấu hình cách đăng nhập nào.',
  },
  counter: {
    title: 'Tiếp nhận hồ sơ', procedureHint: 'Gõ tên thủ tục, có dấu hoặc không dấu', applicantTitle: 'Người nộp hồ sơ', knownApplicant: 'Đã có thông tin người nộp: {{name}}',
    newApplicant: 'Người nộp mới: nhập họ tên và liên hệ.', componentsTitle: 'Thành phần hồ sơ', requiredTag: 'Bắt buộc', optionalTag: 'Không bắt buộc',
    reuse: 'Dùng lại bản đã số hóa', reused: 'Dùng lại: {{title}}', reuseFrom: 'số hóa tại {{centre}}, {{size}}', upload: 'Tải tệp lên, kéo thả hoặc chụp ảnh', uploadLimits: 'PDF, JPG, PNG; tối đa {{max}} mỗi tệp',
    chosenFile: 'Tệp: {{name}} ({{size}})', remove: 'Bỏ tệp', unchoose: 'Bỏ chọn', missing: 'Thiếu thành phần bắt buộc: {{name}}', deliveryTitle: 'Trả kết quả', submit: 'Tiếp nhận hồ sơ', submitting: 'Đang tiếp nhận…',
    receiptTitle: 'Đã tiếp nhận hồ sơ', receiptDue: 'Hẹn trả kết quả', printReceipt: 'In giấy tiếp nhận', printableReceipt: 'Giấy tiếp nhận bản in của hệ thống', newReception: 'Tiếp nhận hồ sơ mới', qr: 'Mã QR tra cứu hồ sơ',
    awaitingTitle: 'Hồ sơ trực tuyến chờ tiếp nhận', awaitingEmpty: 'Không có hồ sơ trực tuyến chờ tiếp nhận.', accept: 'Tiếp nhận', refuse: 'Từ chối', refuseTitle: 'Từ chối tiếp nhận hồ sơ {{code}}',
    refused: 'Đã từ chối tiếp nhận hồ sơ {{code}}.', refusalSlip: 'In phiếu từ chối', accepted: 'Đã tiếp nhận hồ sơ {{code}}.', lookingUp: 'Đang tìm người nộp…',
    refuseWalkIn: 'Từ chối tiếp nhận', refuseWalkInTitle: 'Từ chối tiếp nhận hồ sơ tại quầy', refuseWalkInHint: 'Hồ sơ được ghi nhận là không tiếp nhận (mã 3) và in phiếu từ chối cho người nộp.',
    refusedWalkInTitle: 'Đã từ chối tiếp nhận hồ sơ', printRefusalSlip: 'In phiếu từ chối tiếp nhận',
    takePhoto: 'Chụp ảnh', takePhotoLabel: 'Chụp ảnh giấy tờ «{{name}}» bằng máy ảnh',
  },
  inbox: {
    title: 'Hồ sơ cần xử lý', subtitle: '{{role}} — {{centre}}', empty: 'Không có hồ sơ nào đang chờ bạn.', filterProcedure: 'Lọc theo thủ tục', filterStatus: 'Lọc theo trạng thái', filterDeadline: 'Lọc theo tiến độ',
    updated: 'Tự cập nhật mỗi 15 giây', counts: 'Số hồ sơ theo tiến độ (cả trung tâm; bấm để lọc)', total: '{{shown}} hồ sơ phù hợp', pageOf: 'Trang {{page}}/{{pages}}',
  },
  dossier: {
    title: 'Hồ sơ {{code}}', data: 'Thông tin hồ sơ', documents: 'Thành phần hồ sơ', timeline: 'Phiếu kiểm soát quá trình giải quyết', actions: 'Thao tác', noActions: 'Bạn không có thao tác nào với hồ sơ này lúc này.',
    slips: 'In phiếu', receipt: 'Giấy tiếp nhận', controlSlip: 'Phiếu kiểm soát', supplementSlip: 'Phiếu yêu cầu bổ sung', refusalSlip: 'Phiếu từ chối', stopSlip: 'Thông báo dừng giải quyết', withdrawalSlip: 'Phiếu xác nhận rút hồ sơ', apologyLetter: 'Thư xin lỗi',
    reusedTag: 'Dùng lại', openDocument: 'Mở {{title}}', result: 'Kết quả giải quyết', delivery: 'Trả kết quả', decision: { APPROVED: 'Chấp thuận', REJECTED: 'Từ chối' },
    complete: 'Hoàn thành bước', completeTitle: 'Hoàn thành bước «{{step}}»', supplement: 'Yêu cầu bổ sung', transfer: 'Chuyển xử lý', stop: 'Dừng xử lý', decide: 'Quyết định',
    approve: 'Chấp thuận, ký kết quả', reject: 'Từ chối giải quyết', apology: 'Xin lỗi, gia hạn', accept: 'Tiếp nhận hồ sơ', refuse: 'Từ chối tiếp nhận', pickup: 'Trả kết quả tại quầy',
    done: 'Đã cập nhật hồ sơ.', outcome: { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Trễ hạn' }, purpose: 'Xem hồ sơ {{code}}',
    actionsByRole: 'Bước «{{step}}» do {{role}} thực hiện.',
  },
  returns: {
    title: 'Trả kết quả', counterTab: 'Tại quầy', postTab: 'Qua bưu chính', onlineTab: 'Trực tuyến', empty: 'Không có kết quả nào.', handOver: 'Trả kết quả',
    handOverTitle: 'Trả kết quả hồ sơ {{code}}', handedOver: 'Đã trả kết quả hồ sơ {{code}}.', events: 'Hành trình bưu gửi', rate: 'Ghi nhận đánh giá', rated: 'Đã ghi nhận đánh giá.',
    VERY_SATISFIED: 'Rất hài lòng', SATISFIED: 'Hài lòng', NOT_SATISFIED: 'Không hài lòng', readyAt: 'Sẵn sàng từ', ratingHint: 'Không bắt buộc: ghi nhận mức độ hài lòng người nhận nói tại quầy (mỗi hồ sơ một lần).',
    ratingFailed: 'Đã trả kết quả nhưng chưa ghi nhận được đánh giá:',
  },
};

export const vi = { ...officers, ...publicPages.vi, ...citizen.vi, ...dashboard.vi, ...admin.vi };

export type Messages = typeof vi;

const officersEn: typeof officers = {
  app: { title: 'One-stop public service portal', short: 'One-stop', skip: 'Skip to main content' },
  nav: { home: 'Home', counter: 'Counter', inbox: 'Inbox', returns: 'Returns', dashboard: 'Dashboard', admin: 'Administration', me: 'My dossiers', submit: 'Submit online', signIn: 'Sign in', signOut: 'Sign out', language: 'Language', menu: 'Main navigation' },
  roles: { INTAKE_OFFICER: 'Intake officer', SPECIALIST: 'Specialist', LEADER: 'Leader', ADMIN: 'Administrator', OBSERVER: 'Observer', CITIZEN: 'Citizen' },
  status: {
    NEW: 'Registered online', RECEIVED: 'Received', NOT_ACCEPTED: 'Not accepted', PROCESSING: 'In processing', SUPPLEMENT_REQUESTED: 'Supplement requested',
    FINANCIAL_OBLIGATION: 'Awaiting payment', WITHDRAWN: 'Withdrawn', STOPPED: 'Stopped', RESOLVED: 'Resolved', RETURNED: 'Returned',
  },
  sla: { ON_TRACK: 'On track', DUE_SOON: 'Due soon', OVERDUE: 'Overdue', PAUSED: 'Paused' },
  delivery: {
    COUNTER: 'At the counter', POST: 'By post', ONLINE: 'Online',
    AWAITING_RESULT: 'Awaiting result', READY: 'Ready', BOOKING: 'Booking the parcel', BOOKED: 'Parcel booked', ACCEPTED: 'Accepted by the post', IN_TRANSIT: 'In transit',
    DELIVERED: 'Delivered', DOWNLOADED: 'Downloaded', PICKED_UP: 'Collected at the counter', RETURNED: 'Returned to sender', FAILED: 'Delivery failed',
  },
  channel: { COUNTER: 'At the counter', ONLINE: 'Online', POST: 'By post' },
  history: {
    RECEIVE: 'Received', SUBMIT_ONLINE: 'Submitted online', ACCEPT: 'Online dossier accepted', REFUSE: 'Refused at reception', COMPLETE_STEP: 'Step completed', REQUEST_SUPPLEMENT: 'Supplement requested',
    SUBMIT_SUPPLEMENT: 'Supplement submitted', REQUEST_FINANCIAL_OBLIGATION: 'Payment requested', CONFIRM_FINANCIAL_OBLIGATION: 'Payment confirmed',
    WITHDRAW: 'Withdrawn', STOP: 'Processing stopped', DECIDE: 'Decided', RETURN_RESULT: 'Result returned', TRANSFER: 'Transferred', APOLOGISE: 'Apology and extension',
    ASSIGN: 'Assigned', SEND_BACK: 'Sent back', ACCEPT_INTER_AGENCY: 'Accepted by the agency', RETURN_INTER_AGENCY: 'Returned by the agency',
  },
  units: { WORKING_DAYS: '{{count}} working days', CALENDAR_DAYS: '{{count}} days', WORKING_HOURS: '{{count}} working hours' },
  fields: {
    dossierCode: 'Dossier code', verifier: 'Verifier', identityNumber: 'Identity number', fullName: 'Full name', phone: 'Phone', email: 'Email', address: 'Address',
    procedure: 'Procedure', centre: 'Centre', deliveryMethod: 'Delivery method', deliveryAddress: 'Delivery address', reason: 'Reason', note: 'Note',
    status: 'Status', receivedAt: 'Received', dueAt: 'Due', timeLeft: 'Working time left', applicant: 'Applicant', step: 'Current step', deadline: 'Deadline',
    channel: 'Channel', resolvedAt: 'Resolved', receivingCentre: 'Received at', processingCentre: 'Processed at', trackingNumber: 'Tracking number',
    collectedAt: 'Collected at', collector: 'Collected by', collectorId: "Collector's identity number", rating: 'Satisfaction', comment: 'Comment',
    resultTitle: 'Result title', documentType: 'Document type', resultFile: 'Result file', newDueAt: 'New due date', toCentre: 'Transfer to centre', components: 'Components to supplement',
  },
  common: {
    search: 'Search', all: 'All', cancel: 'Cancel', confirm: 'Confirm', close: 'Close', print: 'Print', loading: 'Loading…', none: 'None', back: 'Back', refresh: 'Refresh',
    previous: 'Previous page', next: 'Next page', open: 'Open', hours: '{{count}} working hours', overdueBy: '{{count}} working hours overdue', page: 'Page {{page}}', required: 'Please enter {{field}}',
    yes: 'Yes', no: 'No', download: 'Download', results: '{{count}} dossiers',
  },
  errors: {
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You are not allowed to do this with this dossier.',
    NOT_FOUND: 'The dossier or data you asked for was not found.',
    CONFLICT: 'The dossier has moved on to another state, so this action no longer applies. The page has been refreshed.',
    BAD_USER_INPUT: 'Some of the information entered is not valid. Please check it.',
    SERVICE_UNAVAILABLE: 'Part of the system is unavailable; please try again in a few minutes.',
    NETWORK: 'The server cannot be reached. Check the network and try again.',
    UNKNOWN: 'Something went wrong. Please try again; if it persists, tell the administrator.',
    fileTooLarge: 'The file is too large: at most {{max}}.',
    fileType: 'Only PDF, JPG or PNG files are accepted.',
  },
  guard: {
    signInTitle: 'Please sign in', signInText: 'This page is for signed-in officers.',
    forbiddenTitle: 'This page is not for your role', forbiddenText: 'The page “{{page}}” is for: {{roles}}.', goHome: 'Back to the front page',
  },
  home: {
    title: 'Public Administrative Service Centre', lead: 'Receiving, processing and returning administrative procedures for citizens and businesses.',
    track: 'Track a dossier', trackText: 'Enter the dossier code printed on your receipt and the last four digits of your identity number or your phone number.',
    signIn: 'Officers: sign in', signedInAs: 'Signed in as {{name}} ({{role}})', workspace: 'Open my workspace',
    procedures: 'Administrative procedures', proceduresCount: '{{count}} procedures in force',
  },
  later: { title: 'This page is on its way', text: 'The page “{{page}}” comes with the next release of the portal.' },
  notFound: { title: 'Page not found', text: 'There is no such page on the portal.' },
  login: {
    title: 'Sign in', demo: "The demo province's users (development only)", demoHint: 'Pick a user: the portal signs the session on the server.',
    province: 'Province', redirecting: "Taking you to the identity provider's sign-in…", failed: 'Signing in failed.',
    identityProvider: 'Sign in with your identity account', identityProviderHint: "You go to the identity provider's sign-in page, then come back here.",
    noRole: "Your account has no role on this platform yet. Ask your centre's administrator.", unavailable: 'No way to sign in is configured.',
  },
  counter: {
    title: 'Reception at the counter', procedureHint: 'Type the procedure’s name, with or without accents', applicantTitle: 'Applicant', knownApplicant: 'Known applicant: {{name}}',
    newApplicant: 'New applicant: enter the name and contact details.', componentsTitle: 'Dossier components', requiredTag: 'Required', optionalTag: 'Optional',
    reuse: 'Reuse the digitised record', reused: 'Reused: {{title}}', reuseFrom: 'digitised at {{centre}}, {{size}}', upload: 'Upload, drag and drop, or take a photo', uploadLimits: 'PDF, JPG, PNG; at most {{max}} each',
    chosenFile: 'File: {{name}} ({{size}})', remove: 'Remove file', unchoose: 'Choose again', missing: 'Missing required component: {{name}}', deliveryTitle: 'Returning the result', submit: 'Receive the dossier', submitting: 'Receiving…',
    receiptTitle: 'Dossier received', receiptDue: 'Result due', printReceipt: 'Print the receipt', printableReceipt: "The system's printable receipt", newReception: 'Next applicant', qr: 'QR code to track the dossier',
    awaitingTitle: 'Online dossiers awaiting acceptance', awaitingEmpty: 'No online dossier is awaiting acceptance.', accept: 'Accept', refuse: 'Refuse', refuseTitle: 'Refuse dossier {{code}}',
    refused: 'Dossier {{code}} was refused.', refusalSlip: 'Print the refusal slip', accepted: 'Dossier {{code}} was accepted.', lookingUp: 'Looking up the applicant…',
    refuseWalkIn: 'Refuse at the counter', refuseWalkInTitle: 'Refuse the dossier at the counter', refuseWalkInHint: 'The dossier is recorded as not accepted (code 3) and the refusal slip is printed for the applicant.',
    refusedWalkInTitle: 'The dossier was refused', printRefusalSlip: 'Print the refusal slip',
    takePhoto: 'Take a photo', takePhotoLabel: 'Take a photo of “{{name}}” with the camera',
  },
  inbox: {
    title: 'Inbox', subtitle: '{{role}} — {{centre}}', empty: 'No dossier is waiting for you.', filterProcedure: 'Filter by procedure', filterStatus: 'Filter by status', filterDeadline: 'Filter by deadline',
    updated: 'Refreshes itself every 15 seconds', counts: 'Dossiers per deadline state (whole centre; press to filter)', total: '{{shown}} matching dossiers', pageOf: 'Page {{page}} of {{pages}}',
  },
  dossier: {
    title: 'Dossier {{code}}', data: 'Dossier data', documents: 'Documents', timeline: 'Control slip', actions: 'Actions', noActions: 'You have no action on this dossier now.',
    slips: 'Print', receipt: 'Receipt', controlSlip: 'Control slip', supplementSlip: 'Supplement request', refusalSlip: 'Refusal slip', stopSlip: 'Stop notice', withdrawalSlip: 'Withdrawal slip', apologyLetter: 'Apology letter',
    reusedTag: 'Reused', openDocument: 'Open {{title}}', result: 'Result', delivery: 'Return of the result', decision: { APPROVED: 'Approved', REJECTED: 'Rejected' },
    complete: 'Complete the step', completeTitle: 'Complete the step “{{step}}”', supplement: 'Request a supplement', transfer: 'Transfer', stop: 'Stop processing', decide: 'Decide',
    approve: 'Approve and sign the result', reject: 'Reject', apology: 'Apologise and extend', accept: 'Accept the dossier', refuse: 'Refuse the dossier', pickup: 'Hand over at the counter',
    done: 'The dossier was updated.', outcome: { EARLY: 'Early', ON_TIME: 'On time', LATE: 'Late' }, purpose: 'Viewing dossier {{code}}',
    actionsByRole: 'The step “{{step}}” is done by: {{role}}.',
  },
  returns: {
    title: 'Returns', counterTab: 'At the counter', postTab: 'By post', onlineTab: 'Online', empty: 'No result here.', handOver: 'Hand over',
    handOverTitle: 'Hand over the result of {{code}}', handedOver: 'The result of {{code}} was handed over.', events: 'Courier events', rate: 'Record the rating', rated: 'The rating was recorded.',
    VERY_SATISFIED: 'Very satisfied', SATISFIED: 'Satisfied', NOT_SATISFIED: 'Not satisfied', readyAt: 'Ready since', ratingHint: 'Optional: the satisfaction the applicant states at the counter (once per dossier).',
    ratingFailed: 'The result was handed over, but the rating was not recorded:',
  },
};

export const en: Messages = { ...officersEn, ...publicPages.en, ...citizen.en, ...dashboard.en, ...admin.en };
