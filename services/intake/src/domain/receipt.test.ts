import { renderReceipt, vietnameseDateTime } from './receipt';

describe('receipt', () => {
  const html = renderReceipt({
    centre: { code: '000.00.12.H57', name: 'Trung tâm PVHCC tỉnh' },
    dossierCode: '000.00.12.H57-260305-0001',
    channel: 'COUNTER',
    applicant: { fullName: 'Nguyễn <Văn> An', identityNumber: '046090001234', phone: null, address: null },
    procedure: { code: 'LLTP-01', name: 'Cấp Phiếu lý lịch tư pháp', version: 1 },
    components: [
      { name: 'Tờ khai', reused: false },
      { name: 'Bản sao CCCD', reused: true },
    ],
    receivedAt: new Date('2026-03-05T02:30:00Z'),
    dueAt: new Date('2026-03-19T10:00:00Z'),
    deliveryMethod: 'POST',
  });

  it('shows the code, procedure, components and the times in local time with Vietnamese labels', () => {
    expect(html).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(html).toContain('000.00.12.H57-260305-0001');
    expect(html).toContain('Cấp Phiếu lý lịch tư pháp');
    expect(html).toContain('Sử dụng lại bản điện tử đã số hóa');
    expect(html).toContain('Thời gian nhận hồ sơ: <strong>09 giờ 30 phút, ngày 05/03/2026</strong>');
    expect(html).toContain('17 giờ 00 phút, ngày 19/03/2026');
  });

  it('escapes what the applicant typed', () => {
    expect(html).toContain('Nguyễn &lt;Văn&gt; An');
    expect(html).not.toContain('<Văn>');
  });

  it('formats local time across midnight UTC', () => {
    expect(vietnameseDateTime(new Date('2026-03-04T20:00:00Z'))).toBe('03 giờ 00 phút, ngày 05/03/2026');
  });
});
