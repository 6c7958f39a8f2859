/**
 * Demo data: a province modelled on Thừa Thiên Huế (thành phố Huế since 2025) and fifteen
 * common procedures with their statutory processing times and components, each with an ISO
 * workflow. The seeding script (scripts/) sends it through the GraphQL mutations createCentre,
 * upsertProcedure and defineWorkflow; tests never depend on it.
 *
 * The agency codes follow the shape of Decision 20/2020/QĐ-TTg (group.group.group.H57, H57 being
 * the province) but are illustrative, not the official register. Procedure codes are local demo
 * codes; the processing times are the statutory maxima of the laws named beside each one.
 */

export type DemoCentreLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type DemoRole = 'INTAKE_OFFICER' | 'SPECIALIST' | 'LEADER';

export interface DemoCentre {
  code: string;
  name: string;
  level: DemoCentreLevel;
  /** The parent's code (resolve it to the id createCentre returned); null for the root. */
  parentCode: string | null;
}

export interface DemoComponent {
  code: string;
  name: string;
  required: boolean;
  documentType: string;
}

export interface DemoWorkflowStep {
  code: string;
  name: string;
  role: DemoRole;
  durationHours: number;
}

/** Exactly a ProcedureInput of upsertProcedure, plus the steps for defineWorkflow. */
export interface DemoProcedure {
  code: string;
  name: string;
  sector: string;
  levels: DemoCentreLevel[];
  feeVnd: number;
  processingTime: { amount: number; unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS' };
  components: DemoComponent[];
  /** The steps for defineWorkflow({ procedureCode: code, steps: workflow }); the last step is the decision. */
  workflow: DemoWorkflowStep[];
}

/** A catalogue entry with the law its processing time comes from (kept out of the GraphQL input). */
interface SourcedProcedure extends DemoProcedure {
  legalBasis: string;
}

/** Centres in the order createCentre must run (parents first). */
export const DEMO_CENTRES: readonly DemoCentre[] = [
  {
    code: '000.00.12.H57',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế',
    level: 'PROVINCE',
    parentCode: null,
  },
  { code: '000.00.13.H57', name: 'Bộ phận Một cửa thành phố Huế', level: 'DISTRICT', parentCode: '000.00.12.H57' },
  { code: '000.00.15.H57', name: 'Bộ phận Một cửa thị xã Hương Thủy', level: 'DISTRICT', parentCode: '000.00.12.H57' },
  { code: '000.00.18.H57', name: 'Bộ phận Một cửa huyện Phú Vang', level: 'DISTRICT', parentCode: '000.00.12.H57' },
  { code: '000.13.01.H57', name: 'Bộ phận Một cửa phường Phú Hội', level: 'COMMUNE', parentCode: '000.00.13.H57' },
  { code: '000.13.02.H57', name: 'Bộ phận Một cửa phường Vỹ Dạ', level: 'COMMUNE', parentCode: '000.00.13.H57' },
  { code: '000.15.01.H57', name: 'Bộ phận Một cửa phường Thủy Dương', level: 'COMMUNE', parentCode: '000.00.15.H57' },
  { code: '000.18.01.H57', name: 'Bộ phận Một cửa xã Phú Thượng', level: 'COMMUNE', parentCode: '000.00.18.H57' },
  { code: '000.18.02.H57', name: 'Bộ phận Một cửa thị trấn Thuận An', level: 'COMMUNE', parentCode: '000.00.18.H57' },
];

const HOURS_PER_DAY = 8;

/**
 * A workflow whose steps share the procedure's working time: each step gets its share (in
 * hours, at least one), and the decision step (LEADER) comes last.
 */
function workflow(
  totalHours: number,
  steps: Array<[code: string, name: string, role: DemoRole, share: number]>,
): DemoWorkflowStep[] {
  return steps.map(([code, name, role, share]) => ({
    code,
    name,
    role,
    durationHours: Math.max(1, Math.round(totalHours * share)),
  }));
}

/** Review by a specialist, approval by a leader: the common shape of a short procedure. */
const reviewAndSign = (hours: number, review = 'Thẩm định hồ sơ', sign = 'Phê duyệt, ký kết quả') =>
  workflow(hours, [
    ['THAM_DINH', review, 'SPECIALIST', 0.6],
    ['TRINH_KY', 'Dự thảo kết quả, trình ký', 'SPECIALIST', 0.2],
    ['PHE_DUYET', sign, 'LEADER', 0.2],
  ]);

const citizenId = (required = true): DemoComponent => ({
  code: 'CCCD',
  name: 'Bản chụp Căn cước công dân',
  required,
  documentType: 'CCCD',
});

const CATALOGUE: readonly SourcedProcedure[] = [
  {
    code: 'LLTP-01',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    sector: 'Lý lịch tư pháp',
    levels: ['PROVINCE'],
    feeVnd: 200000,
    processingTime: { amount: 10, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Lý lịch tư pháp 2009, Điều 48',
    components: [
      {
        code: 'TK',
        name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu 03/2013/TT-LLTP)',
        required: true,
        documentType: 'TK_LLTP',
      },
      citizenId(),
      { code: 'UQ', name: 'Văn bản ủy quyền (khi ủy quyền làm thủ tục)', required: false, documentType: 'VBUQ' },
    ],
    workflow: workflow(10 * HOURS_PER_DAY, [
      ['TRA_CUU', 'Tra cứu cơ sở dữ liệu lý lịch tư pháp', 'SPECIALIST', 0.4],
      ['XAC_MINH', 'Xác minh với cơ quan công an, tòa án', 'SPECIALIST', 0.35],
      ['LAP_PHIEU', 'Lập Phiếu lý lịch tư pháp', 'SPECIALIST', 0.1],
      ['KY_PHIEU', 'Ký Phiếu lý lịch tư pháp', 'LEADER', 0.15],
    ]),
  },
  {
    code: 'HT-KS',
    name: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    levels: ['COMMUNE'],
    feeVnd: 0,
    processingTime: { amount: 1, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Hộ tịch 2014, Điều 16 (giải quyết ngay; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)',
    components: [
      { code: 'TK', name: 'Tờ khai đăng ký khai sinh', required: true, documentType: 'TK_KS' },
      { code: 'GCS', name: 'Giấy chứng sinh', required: true, documentType: 'GCS' },
      { code: 'CCCD', name: 'Căn cước công dân của người đi đăng ký', required: true, documentType: 'CCCD' },
    ],
    workflow: reviewAndSign(HOURS_PER_DAY, 'Kiểm tra, ghi Sổ hộ tịch', 'Ký Giấy khai sinh'),
  },
  {
    code: 'HT-KH',
    name: 'Đăng ký kết hôn',
    sector: 'Hộ tịch',
    levels: ['COMMUNE'],
    feeVnd: 0,
    processingTime: { amount: 5, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Hộ tịch 2014, Điều 18 (tối đa 05 ngày làm việc khi cần xác minh)',
    components: [
      { code: 'TK', name: 'Tờ khai đăng ký kết hôn', required: true, documentType: 'TK_KH' },
      { code: 'CCCD_CHONG', name: 'Căn cước công dân của bên nam', required: true, documentType: 'CCCD' },
      { code: 'CCCD_VO', name: 'Căn cước công dân của bên nữ', required: true, documentType: 'CCCD' },
      {
        code: 'XNHN',
        name: 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký ở nơi khác nơi cư trú)',
        required: false,
        documentType: 'XNTTHN',
      },
    ],
    workflow: reviewAndSign(5 * HOURS_PER_DAY, 'Kiểm tra, xác minh điều kiện kết hôn', 'Ký Giấy chứng nhận kết hôn'),
  },
  {
    code: 'HT-KT',
    name: 'Đăng ký khai tử',
    sector: 'Hộ tịch',
    levels: ['COMMUNE'],
    feeVnd: 0,
    processingTime: { amount: 1, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Hộ tịch 2014, Điều 34',
    components: [
      { code: 'TK', name: 'Tờ khai đăng ký khai tử', required: true, documentType: 'TK_KT' },
      { code: 'GBT', name: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử', required: true, documentType: 'GBT' },
    ],
    workflow: reviewAndSign(HOURS_PER_DAY, 'Kiểm tra, ghi Sổ hộ tịch', 'Ký Trích lục khai tử'),
  },
  {
    code: 'HT-XNHN',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    sector: 'Hộ tịch',
    levels: ['COMMUNE'],
    feeVnd: 15000,
    processingTime: { amount: 3, unit: 'WORKING_DAYS' },
    legalBasis: 'Nghị định 123/2015/NĐ-CP, Điều 22',
    components: [
      { code: 'TK', name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', required: true, documentType: 'TK_XNTTHN' },
      citizenId(),
    ],
    workflow: reviewAndSign(3 * HOURS_PER_DAY, 'Kiểm tra, xác minh tình trạng hôn nhân', 'Ký Giấy xác nhận'),
  },
  {
    code: 'HT-TLBS',
    name: 'Cấp bản sao Trích lục hộ tịch',
    sector: 'Hộ tịch',
    levels: ['COMMUNE', 'DISTRICT'],
    feeVnd: 8000,
    processingTime: { amount: 1, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Hộ tịch 2014, Điều 64 (trả ngay trong ngày)',
    components: [
      { code: 'TK', name: 'Tờ khai cấp bản sao trích lục hộ tịch', required: true, documentType: 'TK_TLHT' },
      citizenId(),
    ],
    workflow: reviewAndSign(HOURS_PER_DAY, 'Tra cứu Sổ hộ tịch', 'Ký bản sao trích lục'),
  },
  {
    code: 'CT-BS',
    name: 'Chứng thực bản sao từ bản chính',
    sector: 'Chứng thực',
    levels: ['COMMUNE', 'DISTRICT'],
    feeVnd: 2000,
    processingTime: { amount: 4, unit: 'WORKING_HOURS' },
    legalBasis: 'Nghị định 23/2015/NĐ-CP, Điều 7 (trong ngày; nhận sau 15 giờ thì trả ngày làm việc tiếp theo)',
    components: [
      {
        code: 'BC',
        name: 'Bản chính giấy tờ cần chứng thực (bản chụp để đối chiếu)',
        required: true,
        documentType: 'BAN_CHINH',
      },
    ],
    workflow: workflow(4, [
      ['DOI_CHIEU', 'Đối chiếu bản chính', 'SPECIALIST', 0.5],
      ['KY_CHUNG_THUC', 'Ký chứng thực', 'LEADER', 0.5],
    ]),
  },
  {
    code: 'DKKD-TNHH1',
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    sector: 'Thành lập và hoạt động của doanh nghiệp',
    levels: ['PROVINCE'],
    feeVnd: 50000,
    processingTime: { amount: 3, unit: 'WORKING_DAYS' },
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 26',
    components: [
      { code: 'GDN', name: 'Giấy đề nghị đăng ký doanh nghiệp', required: true, documentType: 'GDN_DKDN' },
      { code: 'DL', name: 'Điều lệ công ty', required: true, documentType: 'DIEU_LE' },
      {
        code: 'CCCD',
        name: 'Căn cước công dân của chủ sở hữu / người đại diện theo pháp luật',
        required: true,
        documentType: 'CCCD',
      },
      { code: 'UQ', name: 'Văn bản ủy quyền cho người nộp hồ sơ', required: false, documentType: 'VBUQ' },
    ],
    workflow: reviewAndSign(
      3 * HOURS_PER_DAY,
      'Kiểm tra tính hợp lệ của hồ sơ đăng ký doanh nghiệp',
      'Cấp Giấy chứng nhận đăng ký doanh nghiệp',
    ),
  },
  {
    code: 'DKKD-HKD',
    name: 'Đăng ký thành lập hộ kinh doanh',
    sector: 'Thành lập và hoạt động của hộ kinh doanh',
    levels: ['DISTRICT', 'COMMUNE'],
    feeVnd: 100000,
    processingTime: { amount: 3, unit: 'WORKING_DAYS' },
    legalBasis: 'Nghị định 01/2021/NĐ-CP, Điều 87',
    components: [
      { code: 'GDN', name: 'Giấy đề nghị đăng ký hộ kinh doanh', required: true, documentType: 'GDN_HKD' },
      citizenId(),
      {
        code: 'BBH',
        name: 'Biên bản họp thành viên hộ gia đình (khi các thành viên cùng thành lập)',
        required: false,
        documentType: 'BIEN_BAN',
      },
    ],
    workflow: reviewAndSign(
      3 * HOURS_PER_DAY,
      'Kiểm tra hồ sơ đăng ký hộ kinh doanh',
      'Cấp Giấy chứng nhận đăng ký hộ kinh doanh',
    ),
  },
  {
    code: 'DT-GCNDKDT',
    name: 'Cấp Giấy chứng nhận đăng ký đầu tư (dự án không thuộc diện chấp thuận chủ trương)',
    sector: 'Đầu tư tại Việt Nam',
    levels: ['PROVINCE'],
    feeVnd: 0,
    processingTime: { amount: 15, unit: 'CALENDAR_DAYS' },
    legalBasis: 'Luật Đầu tư 2020, Điều 38',
    components: [
      { code: 'VB', name: 'Văn bản đề nghị thực hiện dự án đầu tư', required: true, documentType: 'DN_DAUTU' },
      { code: 'DX', name: 'Đề xuất dự án đầu tư', required: true, documentType: 'DX_DAUTU' },
      {
        code: 'TC',
        name: 'Tài liệu chứng minh năng lực tài chính của nhà đầu tư',
        required: true,
        documentType: 'NLTC',
      },
    ],
    workflow: workflow(11 * HOURS_PER_DAY, [
      ['THAM_DINH', 'Thẩm định hồ sơ dự án', 'SPECIALIST', 0.5],
      ['LAY_Y_KIEN', 'Lấy ý kiến cơ quan liên quan', 'SPECIALIST', 0.3],
      ['PHE_DUYET', 'Cấp Giấy chứng nhận đăng ký đầu tư', 'LEADER', 0.2],
    ]),
  },
  {
    code: 'XD-GPXD',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sector: 'Hoạt động xây dựng',
    levels: ['DISTRICT'],
    feeVnd: 75000,
    processingTime: { amount: 15, unit: 'CALENDAR_DAYS' },
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020), Điều 102',
    components: [
      { code: 'DON', name: 'Đơn đề nghị cấp giấy phép xây dựng', required: true, documentType: 'DON_GPXD' },
      { code: 'GCN', name: 'Giấy chứng nhận quyền sử dụng đất', required: true, documentType: 'GCN_QSDD' },
      { code: 'BV', name: 'Bản vẽ thiết kế xây dựng', required: true, documentType: 'BAN_VE_TK' },
    ],
    workflow: workflow(11 * HOURS_PER_DAY, [
      ['THAM_DINH', 'Thẩm định hồ sơ, kiểm tra thực địa', 'SPECIALIST', 0.6],
      ['TRINH_KY', 'Dự thảo giấy phép, trình ký', 'SPECIALIST', 0.2],
      ['PHE_DUYET', 'Ký giấy phép xây dựng', 'LEADER', 0.2],
    ]),
  },
  {
    code: 'DD-GCNLD',
    name: 'Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
    sector: 'Đất đai',
    levels: ['DISTRICT'],
    feeVnd: 100000,
    processingTime: { amount: 20, unit: 'WORKING_DAYS' },
    legalBasis: 'Nghị định 101/2024/NĐ-CP, Điều 22 (không quá 20 ngày làm việc)',
    components: [
      {
        code: 'DON',
        name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)',
        required: true,
        documentType: 'DON_DKDD',
      },
      { code: 'NGUON_GOC', name: 'Giấy tờ về quyền sử dụng đất', required: true, documentType: 'GT_QSDD' },
      { code: 'NVTC', name: 'Chứng từ thực hiện nghĩa vụ tài chính', required: false, documentType: 'CT_NVTC' },
    ],
    workflow: workflow(20 * HOURS_PER_DAY, [
      ['KIEM_TRA', 'Văn phòng đăng ký đất đai kiểm tra, đo đạc', 'SPECIALIST', 0.45],
      ['NIEM_YET', 'Niêm yết công khai, xác minh nguồn gốc', 'SPECIALIST', 0.3],
      ['TRINH_KY', 'In Giấy chứng nhận, trình ký', 'SPECIALIST', 0.1],
      ['PHE_DUYET', 'Ký Giấy chứng nhận', 'LEADER', 0.15],
    ]),
  },
  {
    code: 'DD-CN',
    name: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng',
    sector: 'Đất đai',
    levels: ['DISTRICT'],
    feeVnd: 50000,
    processingTime: { amount: 10, unit: 'WORKING_DAYS' },
    legalBasis: 'Nghị định 101/2024/NĐ-CP, Điều 22 (không quá 10 ngày làm việc)',
    components: [
      { code: 'DON', name: 'Đơn đăng ký biến động đất đai (Mẫu 11/ĐK)', required: true, documentType: 'DON_BDDD' },
      { code: 'HD', name: 'Hợp đồng chuyển nhượng đã công chứng', required: true, documentType: 'HD_CN' },
      { code: 'GCN', name: 'Bản gốc Giấy chứng nhận đã cấp', required: true, documentType: 'GCN_QSDD' },
    ],
    workflow: reviewAndSign(
      10 * HOURS_PER_DAY,
      'Văn phòng đăng ký đất đai kiểm tra, cập nhật hồ sơ địa chính',
      'Xác nhận biến động',
    ),
  },
  {
    code: 'GT-DOIGPLX',
    name: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
    sector: 'Đường bộ',
    levels: ['PROVINCE'],
    feeVnd: 135000,
    processingTime: { amount: 5, unit: 'WORKING_DAYS' },
    legalBasis: 'Thông tư 12/2017/TT-BGTVT, Điều 37',
    components: [
      { code: 'DON', name: 'Đơn đề nghị đổi giấy phép lái xe', required: true, documentType: 'DON_GPLX' },
      { code: 'GKSK', name: 'Giấy khám sức khỏe của người lái xe', required: true, documentType: 'GKSK' },
      { code: 'GPLX', name: 'Bản chụp giấy phép lái xe', required: true, documentType: 'GPLX' },
      citizenId(),
    ],
    workflow: reviewAndSign(5 * HOURS_PER_DAY, 'Kiểm tra, đối chiếu dữ liệu giấy phép lái xe', 'Ký giấy phép lái xe'),
  },
  {
    code: 'ATTP-CSSX',
    name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    sector: 'An toàn thực phẩm',
    levels: ['PROVINCE', 'DISTRICT'],
    feeVnd: 500000,
    processingTime: { amount: 20, unit: 'WORKING_DAYS' },
    legalBasis: 'Nghị định 15/2018/NĐ-CP (thẩm định thực tế trong 20 ngày)',
    components: [
      { code: 'DON', name: 'Đơn đề nghị cấp Giấy chứng nhận', required: true, documentType: 'DON_ATTP' },
      {
        code: 'TM',
        name: 'Bản thuyết minh về cơ sở vật chất, trang thiết bị',
        required: true,
        documentType: 'TM_CSVC',
      },
      {
        code: 'XNSK',
        name: 'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất',
        required: true,
        documentType: 'GKSK',
      },
    ],
    workflow: workflow(20 * HOURS_PER_DAY, [
      ['THAM_DINH_HS', 'Thẩm định hồ sơ', 'SPECIALIST', 0.3],
      ['THAM_DINH_TT', 'Thẩm định thực tế tại cơ sở', 'SPECIALIST', 0.5],
      ['PHE_DUYET', 'Cấp Giấy chứng nhận', 'LEADER', 0.2],
    ]),
  },
];

/** The legal basis of each demo procedure's processing time, by procedure code. */
export const DEMO_LEGAL_BASIS: Readonly<Record<string, string>> = Object.fromEntries(
  CATALOGUE.map((p) => [p.code, p.legalBasis]),
);

export const DEMO_PROCEDURES: readonly DemoProcedure[] = CATALOGUE.map(({ legalBasis: _, ...procedure }) => procedure);

/** What the seeding script reads: centres (parents first) and procedures with their workflows. */
export const DEMO_PROVINCE: { centres: readonly DemoCentre[]; procedures: readonly DemoProcedure[] } = {
  centres: DEMO_CENTRES,
  procedures: DEMO_PROCEDURES,
};
