import { expect, test, type Page } from '@playwright/test';
import { api, centreId, expectAccessible, HUE, officer, PROVINCE, screenshot, signIn, user } from './helpers';

/**
 * Departments as they really work (issue #20), in the browser: an administrator draws a workflow
 * with a leader's check that may send the dossier back, an inter-agency step (liên thông) to Huế city
 * and three departments in parallel, one of them only for organisations; a leader assigns the review
 * to a named specialist, who finds it in "Hồ sơ của tôi" and completes it; the leader sends it back
 * with a reason; Huế returns it once and accepts it the second time; two branches are done each on
 * its own line while the third is skipped; the control slip shows every holder and the rework.
 */
test.describe.configure({ mode: 'serial' });

const run = String(Date.now()).slice(-6);
const PROC = `E2E-WF-${run}`;
const SPECIALIST = user('specialist');
const LEADER = user('leader');
const HUE_SPECIALIST = user('specialist', HUE);
let dossier: { id: string; code: string };

const option = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
async function choose(page: Page, select: ReturnType<Page['getByLabel']>, text: string) {
  await select.click();
  await option(page, text).click();
}

/** The page at 375 px too: screenshot and axe, then back to the desktop width. */
async function atBothWidths(page: Page, name: string, { axeNarrow = true } = {}) {
  await expectAccessible(page);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  if (axeNarrow) await expectAccessible(page);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const stepOf = (id: string) =>
  api<{
    dossier: {
      status: string;
      activeSteps: Array<{ code: string; branchCode: string | null; assignee: { id: string } | null }>;
      interAgency: { state: string } | null;
    };
  }>(
    officer('ADMIN'),
    'query($id: ID!) { dossier(id: $id) { status activeSteps { code branchCode assignee { id } } interAgency { state } } }',
    { id },
  );

test.beforeAll(async () => {
  await api(officer('ADMIN'), `mutation($input: ProcedureInput!) { upsertProcedure(input: $input) { id } }`, {
    input: {
      code: PROC,
      name: `Cấp phép xây dựng thử nghiệm ${run}`,
      sector: 'Xây dựng',
      levels: ['PROVINCE'],
      feeVnd: 150000,
      processingTime: { amount: 20, unit: 'WORKING_DAYS' },
      components: [],
    },
  });
});

test('an administrator draws a workflow with a send-back, an inter-agency step and parallel departments', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, 'demo-admin');
  await page.goto(`/admin/procedures?code=${PROC}`);
  await expect(page.getByText('Quy trình mặc định (chưa định nghĩa riêng)', { exact: false })).toBeVisible();
  // The default template: RECEIVE, REVIEW, DECIDE. Three steps go in before the decision.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Thêm bước' }).click();
  const codes = page.getByLabel('Mã bước');
  const names = page.getByLabel('Tên bước');
  const hours = page.getByLabel('Thời gian (giờ làm việc)');
  const roles = page.getByLabel('Vai trò thực hiện');
  const kinds = page.getByLabel('Loại bước');
  await hours.nth(1).fill('16');

  // 3. A leader's check, which may send the dossier back to the review.
  await codes.nth(2).fill('CHECK');
  await names.nth(2).fill('Kiểm tra, trình ký');
  await hours.nth(2).fill('4');
  await choose(page, roles.nth(2), 'Lãnh đạo');
  await choose(page, page.getByLabel('Có thể trả lại bước').nth(2), 'REVIEW');
  await page.keyboard.press('Escape');

  // 4. Huế city's opinion (liên thông), with 16 working hours of its own.
  await codes.nth(3).fill('AGENCY');
  await names.nth(3).fill('Lấy ý kiến UBND thành phố Huế');
  await hours.nth(3).fill('16');
  await choose(page, kinds.nth(3), 'Liên thông cơ quan khác');
  await choose(page, page.getByLabel('Cơ quan liên thông'), 'Bộ phận Một cửa thành phố Huế');

  // 5. Three departments at once; fire safety only for an organisation.
  await codes.nth(4).fill('DEPTS');
  await names.nth(4).fill('Thẩm định của các phòng');
  await hours.nth(4).fill('16');
  await choose(page, roles.nth(4), 'Lãnh đạo');
  await choose(page, kinds.nth(4), 'Song song nhiều phòng');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Thêm nhánh' }).click();
  const branches: Array<[string, string]> = [
    ['LAND', 'Phòng Tài nguyên và Môi trường'],
    ['BUILD', 'Phòng Quản lý đô thị'],
    ['FIRE', 'Phòng Cảnh sát PCCC'],
  ];
  for (const [i, [code, name]] of branches.entries()) {
    await page.getByLabel('Mã nhánh').nth(i).fill(code);
    await page.getByLabel('Phòng ban').nth(i).fill(name);
  }
  await choose(page, page.locator('.wf-admin-branch').nth(2).getByLabel('Người nộp là'), 'Tổ chức, doanh nghiệp');
  await expect(page.getByText('Tổng thời gian các bước: 8 ngày làm việc (64 giờ)')).toBeVisible();
  // axe once: this page is the largest of the portal, and its narrow layout is the same markup.
  await atBothWidths(page, 'admin-workflow-kinds', { axeNarrow: false });

  await page.getByRole('button', { name: 'Lưu quy trình' }).click();
  await expect(page.getByText('Đã lưu quy trình phiên bản 1.')).toBeVisible();

  const { workflow } = await api(
    officer('ADMIN'),
    `query($c: String!) { workflow(procedureCode: $c) { version steps {
    code role kind sendBackTo durationHours agency { code } branches { code role condition { applicantKind } } } } }`,
    { c: PROC },
  );
  expect(workflow.version).toBe(1);
  // Processing keeps the new shapes once issue #20's backend is in (branch wf-core); before that it stores plain steps.
  const stored = workflow.steps.some((s: { kind: string }) => s.kind !== 'TASK');
  if (!stored) {
    test.info().annotations.push({
      type: 'backend',
      description: 'processing does not store step kinds yet: the saved workflow was not checked',
    });
    return;
  }
  expect(workflow.steps.map((s: { code: string; kind: string }) => `${s.code}:${s.kind}`)).toEqual([
    'RECEIVE:TASK',
    'REVIEW:TASK',
    'CHECK:TASK',
    'AGENCY:INTER_AGENCY',
    'DEPTS:PARALLEL',
    'DECIDE:TASK',
  ]);
  expect(workflow.steps[2]).toMatchObject({ role: 'LEADER', sendBackTo: ['REVIEW'] });
  expect(workflow.steps[3]).toMatchObject({ agency: { code: HUE }, durationHours: 16 });
  expect(workflow.steps[4].branches).toEqual([
    { code: 'LAND', role: 'SPECIALIST', condition: null },
    { code: 'BUILD', role: 'SPECIALIST', condition: null },
    { code: 'FIRE', role: 'SPECIALIST', condition: { applicantKind: 'ORGANIZATION' } },
  ]);

  // Reloaded, the editor shows what was saved.
  await page.reload();
  await expect(page.getByText('Quy trình phiên bản 1', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Mã nhánh').nth(2)).toHaveValue('FIRE');
});

/**
 * Until processing runs the workflow of issue #20 (branch wf-core), its new answers are stood in for
 * here, at the page's /graphql, in the shapes of the fixed API (/work/wt/workflow-api.graphql): the
 * dossier is real and read from the platform, and only the fields and operations the backend does
 * not answer yet are filled in or recorded. The pages' behaviour (what is shown, what is sent) is
 * what these tests hold; tests through the gateway hold the backend's.
 */
const calls: Array<{ op: string; variables: Record<string, unknown> }> = [];
const SPEC_OFFICER = { __typename: 'Officer', id: SPECIALIST, name: 'Trần Văn Minh' };
const SPEC_OFFICER_2 = { __typename: 'Officer', id: 'e2e-specialist-2', name: 'Trần Thị Hoa' };
const HUE_CENTRE = { __typename: 'Centre', id: 'e2e-centre-hue', code: HUE, name: 'Bộ phận Một cửa thành phố Huế' };
let stand: null | ((d: any) => void) = null;
/** Whether processing answers assignment, my dossiers and send-back itself (wf-core's second commit on): then only what it lacks is stood in for. */
let live = false;
let mine: any[] = [];
const step = (code: string, name: string, role: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'WorkflowStep',
  code,
  name,
  role,
  kind: 'TASK',
  sendBackTo: [],
  branches: [],
  agency: null,
  ...extra,
});
const branch = (code: string, name: string) => ({ __typename: 'WorkflowBranch', code, name, role: 'SPECIALIST' });
const WORKFLOW = () => [
  step('RECEIVE', 'Tiếp nhận và chuyển hồ sơ', 'INTAKE_OFFICER'),
  step('REVIEW', 'Thẩm định hồ sơ', 'SPECIALIST'),
  step('CHECK', 'Kiểm tra, trình ký', 'LEADER', { sendBackTo: ['REVIEW'] }),
  step('AGENCY', 'Lấy ý kiến UBND thành phố Huế', 'SPECIALIST', { kind: 'INTER_AGENCY', agency: HUE_CENTRE }),
  step('DEPTS', 'Thẩm định của các phòng', 'LEADER', {
    kind: 'PARALLEL',
    branches: [
      branch('LAND', 'Phòng Tài nguyên và Môi trường'),
      branch('BUILD', 'Phòng Quản lý đô thị'),
      branch('FIRE', 'Phòng Cảnh sát PCCC'),
    ],
  }),
  step('DECIDE', 'Phê duyệt, ký kết quả', 'LEADER'),
];
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
const holding = (
  stepCode: string,
  officer: any,
  from: number,
  until: number | null,
  hours: number,
  extra: Record<string, unknown> = {},
) => ({
  __typename: 'Holding',
  officer: officer && { ...officer, role: 'SPECIALIST' },
  stepCode,
  branchCode: null,
  centre: {
    __typename: 'Centre',
    id: 'e2e-centre-province',
    code: PROVINCE,
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
  },
  from: at(from),
  until: until === null ? null : at(until),
  workingHours: hours,
  rework: false,
  ...extra,
});

async function standIn(page: Page, { real = false } = {}) {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string; variables: Record<string, unknown> };
    const op = body?.operationName ?? '';
    if (real && ['AssignableOfficers', 'OfficerMyDossiers', 'AssignDossier', 'SendBackFromPage'].includes(op))
      return route.continue();
    const reply = (data: unknown) => route.fulfill({ json: { data } });
    if (op === 'AssignableOfficers')
      return reply({ officers: [SPEC_OFFICER, SPEC_OFFICER_2].map((o) => ({ ...o, role: 'SPECIALIST' })) });
    if (op === 'OfficerMyDossiers') return reply({ myAssignedDossiers: mine });
    const mutations: Record<string, string> = {
      AssignDossier: 'assignDossier',
      SendBackFromPage: 'sendBack',
      AcceptInterAgencyFromPage: 'acceptInterAgency',
      ReturnInterAgencyFromPage: 'returnInterAgency',
    };
    if (mutations[op] || (op === 'CompleteFromPage' && body.variables.branchCode)) {
      calls.push({ op, variables: body.variables });
      return reply({ [mutations[op] ?? 'completeStep']: { __typename: 'Dossier', id: body.variables.dossierId } });
    }
    if (op === 'DossierPage' && stand) {
      const res = await route.fetch();
      const json = await res.json();
      if (json.data?.dossier) stand(json.data.dossier);
      return route.fulfill({ response: res, json });
    }
    return route.continue();
  });
}

test.describe('against the fixed API, with its new answers stood in for', () => {
  test.beforeAll(async () => {
    const applicant = {
      kind: 'CITIZEN',
      identityNumber: `0460${String(Date.now()).slice(-8)}`,
      fullName: 'Phan Thị Ngọc',
      phone: '0905123456',
      address: '5 Hùng Vương, Huế',
    };
    const { submitDossier } = await api(
      officer('INTAKE_OFFICER'),
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
      {
        input: {
          procedureCode: PROC,
          centreId: await centreId(PROVINCE),
          channel: 'COUNTER',
          documents: [],
          delivery: { method: 'COUNTER' },
          applicant,
        },
      },
    );
    dossier = submitDossier;
    // The counter's own step, so that the review (a specialist's) is the step in progress.
    await api(officer('INTAKE_OFFICER'), 'mutation($id: ID!) { completeStep(dossierId: $id) { id } }', {
      id: dossier.id,
    });
    // Processing knows an officer once their token has reached it: the demo specialist has opened the inbox before.
    await api({ sub: SPECIALIST, role: 'SPECIALIST', centre: PROVINCE, name: 'Trần Văn Minh' }, '{ inbox { id } }');
    live = await api(officer('LEADER'), 'query($c: ID!) { officers(centreId: $c, role: SPECIALIST) { id } }', {
      c: await centreId(PROVINCE),
    }).then(
      ({ officers }) => officers.some((o: { id: string }) => o.id === SPECIALIST),
      () => false,
    );
    test.info().annotations.push({
      type: 'backend',
      description: live
        ? 'assignment, my dossiers and send-back against the platform'
        : 'assignment, my dossiers and send-back stood in for',
    });
  });

  test('a leader assigns the review to a named specialist, and sees who has it', async ({ page }) => {
    await standIn(page, { real: live });
    let assigned = false;
    stand = (d) => {
      if (assigned && !live) {
        d.assignee = SPEC_OFFICER;
        d.activeSteps = d.activeSteps.map((s: any) => ({ ...s, assignee: SPEC_OFFICER }));
      }
    };
    await signIn(page, LEADER);
    await page.goto(`/dossiers/${dossier.id}`);
    await expect(page.getByRole('heading', { name: `Hồ sơ ${dossier.code}` })).toBeVisible();
    await expect(page.getByTestId('dossier-assignee')).toHaveText('Chưa giao');
    await page.getByRole('button', { name: 'Giao xử lý' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('current-assignee')).toHaveText('Người xử lý: Chưa giao');
    // Keyboard: typing in the officer list filters it, Enter picks.
    await dialog.getByLabel('Cán bộ xử lý').focus();
    await page.keyboard.type('Trần Văn');
    await expect(option(page, 'Trần Văn Minh')).toBeVisible();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Ghi chú').fill('Ưu tiên xử lý trong tuần');
    await atBothWidths(page, 'assign-dialog');
    assigned = true;
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText(`Đã giao hồ sơ ${dossier.code} cho Trần Văn Minh.`)).toBeVisible();
    if (!live)
      expect(calls.at(-1)).toEqual({
        op: 'AssignDossier',
        variables: { dossierId: dossier.id, officerId: SPECIALIST, branchCode: null, note: 'Ưu tiên xử lý trong tuần' },
      });
    else
      expect((await stepOf(dossier.id)).dossier.activeSteps[0]).toMatchObject({
        code: 'REVIEW',
        assignee: { id: SPECIALIST },
      });
    await expect(page.getByTestId('dossier-assignee')).toHaveText('Trần Văn Minh');
    await expect(page.getByRole('button', { name: 'Giao lại' })).toBeVisible();
    await atBothWidths(page, 'dossier-assigned');
  });

  test('the specialist finds it in "Hồ sơ của tôi", in words in both languages, and completes the step', async ({
    page,
  }) => {
    const { dossier: row } = await api(
      officer('SPECIALIST'),
      `query($id: ID!) { dossier(id: $id) { __typename id code status dueAt receivedAt procedure { __typename code name } applicant { __typename fullName identityNumber }
      processingCentre { __typename id code } currentStep { __typename code name role dueAt } activeSteps { __typename code name role index dueAt kind branchCode branchName assignee { __typename id name } }
      assignee { __typename id name } sla { __typename state remainingWorkingHours } } }`,
      { id: dossier.id },
    );
    mine = [
      {
        ...row,
        assignee: SPEC_OFFICER,
        activeSteps: row.activeSteps.map((s: any) => ({ ...s, assignee: SPEC_OFFICER })),
      },
    ];
    stand = null;
    await standIn(page, { real: live });
    await signIn(page, SPECIALIST);
    await expect(page).toHaveURL(/\/inbox$/);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect(page).toHaveURL(/\/inbox\?view=mine$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
    await expect(page.getByRole('link', { name: dossier.code })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: dossier.code })).toContainText('Trần Văn Minh');
    await atBothWidths(page, 'my-dossiers');
    await page.goto('/inbox?view=mine&lang=en');
    await expect(page.getByRole('heading', { level: 1, name: 'My dossiers' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Assignee' })).toBeVisible();
    await page.goto('/inbox?view=mine&lang=vi');
    await page.getByRole('link', { name: dossier.code }).click();
    // The step itself is completed through the platform as it is.
    await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await page.getByRole('dialog').getByLabel('Ghi chú').fill('Hồ sơ đầy đủ');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText('Kiểm tra, trình ký (Lãnh đạo)').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
  });

  test("the leader's check sends it back to the review with a reason; the control slip shows the rework", async ({
    page,
  }) => {
    test.skip(!live, 'processing does not send back yet: the send-back dialog is checked with a stand-in below');
    stand = null;
    await signIn(page, LEADER);
    // The check is the leader's step: the dossier is in the leader's inbox.
    await page.getByRole('link', { name: dossier.code }).click();
    await page.getByRole('button', { name: 'Trả lại bước trước' }).click();
    const back = page.getByRole('dialog');
    await expect(back).toContainText('Trả lại hồ sơ để làm lại');
    // The check may send back to the review only (its send-back targets): the one choice is already made.
    await expect(back.getByRole('radio')).toHaveCount(1);
    await back.getByLabel('Lý do').fill('Thiếu bản vẽ mặt bằng có xác nhận');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back).toHaveCount(0);
    await expect(page.getByText('Thẩm định hồ sơ (review) (Chuyên viên xử lý)').first()).toBeVisible();
    expect((await stepOf(dossier.id)).dossier.activeSteps[0].code).toBe('REVIEW');
    const holders = page.getByTestId('holdings');
    await expect(
      holders
        .locator('tbody tr')
        .filter({ has: page.locator('.ant-tag', { hasText: 'Làm lại' }) })
        .first(),
    ).toBeVisible();
    await expect(holders).toContainText('Trần Văn Minh');
    await expect(page.getByText('Thiếu bản vẽ mặt bằng có xác nhận').first()).toBeVisible();
    await atBothWidths(page, 'dossier-sent-back');
  });

  /** The dossier as it is during the parallel step, after a send-back and Huế's return: two branches in progress, fire safety skipped. */
  const duringParallel = (d: any) => {
    d.workflow = { __typename: 'Workflow', steps: WORKFLOW() };
    const active = (code: string, name: string, assignee: any) => ({
      __typename: 'CurrentStep',
      code: 'DEPTS',
      name: 'Thẩm định của các phòng',
      role: 'SPECIALIST',
      index: 4,
      dueAt: at(-10),
      kind: 'PARALLEL',
      branchCode: code,
      branchName: name,
      assignee,
      agency: null,
      agencyAccepted: null,
    });
    d.status = 'PROCESSING';
    d.activeSteps = [
      active('LAND', 'Phòng Tài nguyên và Môi trường', SPEC_OFFICER),
      active('BUILD', 'Phòng Quản lý đô thị', null),
    ];
    d.assignee = SPEC_OFFICER;
    d.interAgency = {
      __typename: 'InterAgencyTransfer',
      agency: HUE_CENTRE,
      stepCode: 'AGENCY',
      sentAt: at(30),
      shareDueAt: at(10),
      state: 'DONE',
      reason: null,
    };
    d.holdings = [
      holding('REVIEW', SPEC_OFFICER, 70, 60, 6.5),
      holding('CHECK', null, 60, 55, 3),
      holding('REVIEW', SPEC_OFFICER, 55, 50, 2.5, { rework: true }),
      holding('CHECK', null, 50, 30, 1),
      holding('AGENCY', { ...SPEC_OFFICER, name: 'Đỗ Văn Nam' }, 30, 8, 12, { centre: HUE_CENTRE }),
      holding('DEPTS', SPEC_OFFICER, 8, null, 1.5, { branchCode: 'LAND' }),
      holding('DEPTS', null, 8, null, 1.5, { branchCode: 'BUILD' }),
    ];
  };

  test('during a parallel step each branch is done on its own line; a leader assigns a branch and sends the dossier back with a reason', async ({
    page,
  }) => {
    stand = duringParallel;
    await standIn(page);
    await signIn(page, SPECIALIST);
    await page.goto(`/dossiers/${dossier.id}`);
    const progress = page.getByTestId('progress');
    await expect(progress.locator('[data-branch="LAND"]')).toContainText('Đang xử lý');
    await expect(progress.locator('[data-branch="BUILD"]')).toContainText('Chưa giao');
    await expect(progress.locator('[data-branch="FIRE"]')).toContainText('Bỏ qua');
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Đã xong');
    const holders = page.getByTestId('holdings');
    await expect(
      holders.locator('tbody tr').filter({ has: page.locator('.ant-tag', { hasText: 'Làm lại' }) }),
    ).toHaveCount(1);
    await expect(holders.getByRole('row').filter({ hasText: 'Đỗ Văn Nam' })).toContainText(
      'Bộ phận Một cửa thành phố Huế',
    );
    await expect(holders.getByRole('row').filter({ hasText: 'Phòng Quản lý đô thị' })).toContainText(
      'Chuyên viên xử lý (chưa giao)',
    );
    await atBothWidths(page, 'dossier-parallel');

    await page.getByRole('button', { name: 'Hoàn thành nhánh: Phòng Tài nguyên và Môi trường' }).click();
    await expect(page.getByRole('dialog')).toContainText('Hoàn thành nhánh «Phòng Tài nguyên và Môi trường»');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(calls.at(-1)).toEqual({
      op: 'CompleteFromPage',
      variables: { dossierId: dossier.id, note: null, branchCode: 'LAND' },
    });

    await signIn(page, LEADER);
    await page.goto(`/dossiers/${dossier.id}`);
    await page.getByRole('button', { name: 'Giao xử lý: Phòng Quản lý đô thị' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Giao xử lý «Thẩm định của các phòng — Phòng Quản lý đô thị»');
    await choose(page, dialog.getByLabel('Cán bộ xử lý'), 'Trần Thị Hoa');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(dialog).toHaveCount(0);
    expect(calls.at(-1)).toEqual({
      op: 'AssignDossier',
      variables: { dossierId: dossier.id, officerId: 'e2e-specialist-2', branchCode: 'BUILD', note: null },
    });

    await page.getByRole('button', { name: 'Trả lại bước trước' }).click();
    const back = page.getByRole('dialog');
    await expect(back).toContainText('Trả lại hồ sơ để làm lại');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back.getByText('Vui lòng nhập Trả lại bước')).toBeVisible();
    await back.getByLabel('Thẩm định hồ sơ (Chuyên viên xử lý)').check();
    await back.getByLabel('Lý do').fill('Thiếu bản vẽ mặt bằng có xác nhận');
    await atBothWidths(page, 'send-back-dialog');
    await back.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(back).toHaveCount(0);
    expect(calls.at(-1)).toEqual({
      op: 'SendBackFromPage',
      variables: { dossierId: dossier.id, toStepCode: 'REVIEW', reason: 'Thiếu bản vẽ mặt bằng có xác nhận' },
    });
  });

  test('the receiving agency returns a transfer with a reason, or accepts it', async ({ page }) => {
    // Huế's officers read the dossier sent to them: the province's answer, as the agency would get it.
    await signIn(page, LEADER);
    let captured: any;
    stand = (d) => {
      captured = JSON.parse(JSON.stringify(d));
    };
    await standIn(page);
    await page.goto(`/dossiers/${dossier.id}`);
    await expect.poll(() => captured).toBeTruthy();
    await page.unrouteAll({ behavior: 'wait' });
    await signIn(page, HUE_SPECIALIST);
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string; variables: Record<string, unknown> };
      if (body.operationName === 'DossierPage') {
        const d = JSON.parse(JSON.stringify(captured));
        d.workflow = { __typename: 'Workflow', steps: WORKFLOW() };
        d.status = 'PROCESSING';
        d.activeSteps = [
          {
            __typename: 'CurrentStep',
            code: 'AGENCY',
            name: 'Lấy ý kiến UBND thành phố Huế',
            role: 'SPECIALIST',
            index: 3,
            dueAt: at(-16),
            kind: 'INTER_AGENCY',
            branchCode: null,
            branchName: null,
            assignee: null,
            agency: HUE_CENTRE,
            agencyAccepted: null,
          },
        ];
        d.interAgency = {
          __typename: 'InterAgencyTransfer',
          agency: HUE_CENTRE,
          stepCode: 'AGENCY',
          sentAt: at(1),
          shareDueAt: at(-16),
          state: 'AWAITING_ACCEPTANCE',
          reason: null,
        };
        d.holdings = [];
        return route.fulfill({ json: { data: { dossier: d } } });
      }
      if (body.operationName === 'AcceptInterAgencyFromPage' || body.operationName === 'ReturnInterAgencyFromPage') {
        calls.push({ op: body.operationName, variables: body.variables });
        return route.fulfill({
          json: {
            data: {
              [body.operationName === 'AcceptInterAgencyFromPage' ? 'acceptInterAgency' : 'returnInterAgency']: {
                __typename: 'Dossier',
                id: dossier.id,
              },
            },
          },
        });
      }
      return route.continue();
    });
    await page.goto(`/dossiers/${dossier.id}`);
    await expect(page.getByTestId('inter-agency-state')).toHaveText('Chờ tiếp nhận');
    await expect(page.getByRole('button', { name: 'Hoàn thành bước' })).toHaveCount(0);
    await atBothWidths(page, 'inter-agency-awaiting');

    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Trả lại hồ sơ liên thông ${dossier.code}`);
    await dialog.getByLabel('Lý do').fill('Chưa có ý kiến của phường Phú Hội');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(dialog).toHaveCount(0);
    expect(calls.at(-1)).toEqual({
      op: 'ReturnInterAgencyFromPage',
      variables: { dossierId: dossier.id, reason: 'Chưa có ý kiến của phường Phú Hội' },
    });

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText(`Tiếp nhận hồ sơ liên thông ${dossier.code}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(calls.at(-1)).toEqual({ op: 'AcceptInterAgencyFromPage', variables: { dossierId: dossier.id, note: null } });
  });
});
