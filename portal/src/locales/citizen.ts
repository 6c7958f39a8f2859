/** The citizen pages' labels and messages, Vietnamese and English (merged into ../locales.ts). */
export const vi = {
  me: {
    title: 'Hồ sơ của tôi', lead: 'Theo dõi hồ sơ, bổ sung giấy tờ, tải kết quả và đánh giá mức độ hài lòng.', submitNew: 'Nộp hồ sơ trực tuyến',
    dossiers: 'Hồ sơ đã nộp', empty: 'Bạn chưa có hồ sơ nào.', count: '{{count}} hồ sơ', openFull: 'Xem toàn bộ hồ sơ {{code}}',
    submittedAt: 'Ngày nộp', notYet: 'Chưa có', timeline: 'Quá trình giải quyết', documents: 'Giấy tờ đã nộp', slips: 'Phiếu, giấy tờ in',
    result: 'Kết quả', download: 'Tải kết quả', downloadHint: 'Đường dẫn tải có chữ ký, chỉ dành cho bạn và có thời hạn.', outcome: 'Thời hạn giải quyết',
    next: {
      NEW: 'Hồ sơ đã được gửi và đang chờ cán bộ Bộ phận Một cửa kiểm tra, tiếp nhận. Bạn sẽ nhận được thông báo khi hồ sơ được tiếp nhận.',
      RECEIVED: 'Hồ sơ đã được tiếp nhận và sẽ được chuyển đến cơ quan giải quyết.',
      NOT_ACCEPTED: 'Hồ sơ không được tiếp nhận. Lý do có trong phiếu từ chối.',
      PROCESSING: 'Hồ sơ đang được giải quyết. Hẹn trả kết quả: {{due}}.',
      SUPPLEMENT_REQUESTED: 'Cơ quan giải quyết yêu cầu bổ sung giấy tờ. Thời hạn tạm dừng cho đến khi bạn nộp bổ sung.',
      FINANCIAL_OBLIGATION: 'Vui lòng thực hiện nghĩa vụ tài chính để hồ sơ được tiếp tục giải quyết.',
      WITHDRAWN: 'Bạn đã rút hồ sơ.', STOPPED: 'Hồ sơ đã dừng xử lý.',
      RESOLVED: 'Đã có kết quả giải quyết.', RETURNED: 'Đã trả kết quả.', UNKNOWN: 'Hồ sơ đang được cập nhật.',
    },
    supplement: {
      title: 'Nộp bổ sung hồ sơ', reason: 'Nội dung yêu cầu bổ sung: {{reason}}', asked: 'Giấy tờ cần bổ sung', submit: 'Nộp bổ sung', done: 'Đã nộp bổ sung. Hồ sơ tiếp tục được giải quyết.',
      missing: 'Vui lòng chọn tệp cho «{{name}}».',
    },
    rating: {
      title: 'Đánh giá mức độ hài lòng', question: 'Bạn có hài lòng với việc giải quyết hồ sơ này không?', submit: 'Gửi đánh giá', done: 'Cảm ơn bạn đã đánh giá.',
      given: 'Bạn đã đánh giá: {{overall}} ({{at}}).', onlyAfter: 'Bạn có thể đánh giá sau khi nhận kết quả.', comment: 'Góp ý (không bắt buộc)',
    },
    records: {
      title: 'Giấy tờ đã số hóa của tôi', lead: 'Giấy tờ bạn đã nộp được số hóa một lần và dùng lại ở mọi trung tâm trong tỉnh. Bạn xem được ai đã đọc từng giấy tờ.',
      empty: 'Bạn chưa có giấy tờ nào được số hóa.', digitisedAt: 'Số hóa tại', validUntil: 'Hiệu lực đến', reuses: 'Số lần dùng lại', noExpiry: 'Không thời hạn',
      log: 'Ai đã đọc giấy tờ này', showLog: 'Xem ai đã đọc «{{title}}»', hideLog: 'Ẩn nhật ký đọc «{{title}}»', logEmpty: 'Chưa có ai đọc giấy tờ này.',
      reader: 'Người đọc', centre: 'Tại', at: 'Thời điểm', purpose: 'Mục đích', you: 'Bạn', open: 'Mở', purposeOwn: 'Công dân xem giấy tờ của mình',
    },
  },
  meSubmit: {
    title: 'Nộp hồ sơ trực tuyến', lead: 'Dịch vụ công trực tuyến toàn trình (mức độ 4): nộp hồ sơ, theo dõi và nhận kết quả không cần đến trụ sở.',
    procedureTitle: '1. Chọn thủ tục', centre: 'Nơi nộp hồ sơ', centreHint: 'Trung tâm tiếp nhận hồ sơ của bạn', procedureHint: 'Gõ tên thủ tục, có dấu hoặc không dấu',
    noProcedures: 'Trung tâm này chưa có thủ tục nào.', fee: 'Lệ phí: {{fee}}', time: 'Thời hạn giải quyết: {{time}}',
    applicantTitle: '2. Thông tin người nộp', applicantHint: 'Số định danh lấy từ tài khoản đăng nhập của bạn.',
    componentsTitle: '3. Giấy tờ', componentsHint: 'Tải tệp lên hoặc dùng lại giấy tờ đã số hóa của bạn.',
    deliveryTitle: '4. Cách nhận kết quả', submit: 'Nộp hồ sơ', submitting: 'Đang gửi hồ sơ…',
    sentTitle: 'Đã gửi hồ sơ {{code}}', sentText: 'Hồ sơ của bạn đang chờ cán bộ Bộ phận Một cửa kiểm tra và tiếp nhận (trạng thái: Mới đăng ký). Khi hồ sơ được tiếp nhận, thời hạn giải quyết bắt đầu tính và bạn sẽ nhận được thông báo.',
    toMe: 'Xem hồ sơ của tôi', another: 'Nộp hồ sơ khác',
  },
};

export const en: typeof vi = {
  me: {
    title: 'My dossiers', lead: 'Follow your dossiers, supply documents, download results and rate the service.', submitNew: 'Submit online',
    dossiers: 'Dossiers submitted', empty: 'You have no dossier yet.', count: '{{count}} dossiers', openFull: 'Open the whole dossier {{code}}',
    submittedAt: 'Submitted', notYet: 'Not yet', timeline: 'Progress', documents: 'Documents submitted', slips: 'Printable slips',
    result: 'Result', download: 'Download the result', downloadHint: 'A signed link, for you only, that expires.', outcome: 'Timeliness',
    next: {
      NEW: 'Your dossier was sent and is waiting for an officer of the one-stop counter to check and accept it. You will be told when it is accepted.',
      RECEIVED: 'Your dossier was accepted and goes to the department that decides on it.',
      NOT_ACCEPTED: 'Your dossier was not accepted. The refusal slip gives the reason.',
      PROCESSING: 'Your dossier is being processed. Result due: {{due}}.',
      SUPPLEMENT_REQUESTED: 'The department asks you for more documents. The clock is stopped until you supply them.',
      FINANCIAL_OBLIGATION: 'Please pay the fees or taxes due so that your dossier can go on.',
      WITHDRAWN: 'You withdrew this dossier.', STOPPED: 'Processing of this dossier was stopped.',
      RESOLVED: 'The result is ready.', RETURNED: 'The result was returned.', UNKNOWN: 'The dossier is being updated.',
    },
    supplement: {
      title: 'Supply documents', reason: 'What was asked: {{reason}}', asked: 'Documents to supply', submit: 'Send the documents', done: 'Documents sent. Your dossier goes on.',
      missing: 'Please choose a file for “{{name}}”.',
    },
    rating: {
      title: 'Rate the service', question: 'Are you satisfied with how this dossier was handled?', submit: 'Send my rating', done: 'Thank you for your rating.',
      given: 'You rated it: {{overall}} ({{at}}).', onlyAfter: 'You can rate the service once you have received the result.', comment: 'Comment (optional)',
    },
    records: {
      title: 'My digitised records', lead: 'Documents you submitted are digitised once and reused at every centre of the province. You can see who read each one.',
      empty: 'You have no digitised record yet.', digitisedAt: 'Digitised at', validUntil: 'Valid until', reuses: 'Reused', noExpiry: 'No expiry',
      log: 'Who read this record', showLog: 'Who read “{{title}}”', hideLog: 'Hide who read “{{title}}”', logEmpty: 'Nobody has read this record yet.',
      reader: 'Reader', centre: 'At', at: 'When', purpose: 'Purpose', you: 'You', open: 'Open', purposeOwn: 'The citizen reads their own record',
    },
  },
  meSubmit: {
    title: 'Submit a dossier online', lead: 'Full online service (level 4): submit, follow and receive the result without going to the centre.',
    procedureTitle: '1. Choose the procedure', centre: 'Centre', centreHint: 'The centre that receives your dossier', procedureHint: 'Type the procedure’s name, with or without accents',
    noProcedures: 'This centre offers no procedure yet.', fee: 'Fee: {{fee}}', time: 'Processing time: {{time}}',
    applicantTitle: '2. Applicant', applicantHint: 'Your identity number comes from your sign-in.',
    componentsTitle: '3. Documents', componentsHint: 'Upload a file or reuse one of your digitised records.',
    deliveryTitle: '4. How to receive the result', submit: 'Submit the dossier', submitting: 'Sending the dossier…',
    sentTitle: 'Dossier {{code}} sent', sentText: 'Your dossier is waiting for an officer of the one-stop counter to check and accept it (status: registered online). Once it is accepted, the processing time starts and you will be told.',
    toMe: 'See my dossiers', another: 'Submit another dossier',
  },
};
