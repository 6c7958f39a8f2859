import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type {
  AdminProceduresQuery,
  AdminWorkflowQuery,
  ApplicantKind,
  CentreLevel,
  StepKind,
  StepRole,
  TimeUnit,
  WorkflowStepInput,
} from '../../gql/graphql';
import { explain } from '../../errors';
import { fold } from '../../format';
import { compareWithStatutory, decimal } from './workflow-sum';
import '../../workflow-i18n';

const ProceduresQuery = graphql(`
  query AdminProcedures {
    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }
  }
`);
const UpsertProcedure = graphql(`
  mutation AdminUpsertProcedure($input: ProcedureInput!) {
    upsertProcedure(input: $input) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }
  }
`);
const WorkflowQuery = graphql(`
  query AdminWorkflow($procedureCode: String!) { workflow(procedureCode: $procedureCode) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }
`);
const DefineWorkflow = graphql(`
  mutation AdminDefineWorkflow($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }
`);
const AdminWorkflowStep = graphql(`
  fragment AdminWorkflowStep on WorkflowStep {
    code name role durationHours kind sendBackTo
    condition { applicantKind feeAtLeastVnd }
    branches { code name role durationHours condition { applicantKind feeAtLeastVnd } }
    agency { id code name }
  }
`);
void AdminWorkflowStep; // spread by the two operations above
const Agencies = graphql(`query AdminAgencies { centres { id code name } }`);

type Procedure = AdminProceduresQuery['procedures'][number];
const LEVELS: CentreLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const UNITS: TimeUnit[] = ['WORKING_DAYS', 'CALENDAR_DAYS', 'WORKING_HOURS'];
const ROLES: StepRole[] = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'];
const KINDS: StepKind[] = ['TASK', 'PARALLEL', 'INTER_AGENCY'];
const APPLICANTS: ApplicantKind[] = ['CITIZEN', 'ORGANIZATION'];

/** The procedure catalogue (versions, components, fees, time, levels) and each procedure's workflow. */
export default function Procedures() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const { data, loading, error, refetch } = useQuery(ProceduresQuery);
  const code = params.get('code');
  const procedures = useMemo(() => {
    const q = fold(search.trim());
    return (data?.procedures ?? []).filter((p) => !q || fold(`${p.code} ${p.name} ${p.sector}`).includes(q));
  }, [data, search]);
  const current = code && code !== 'new' ? data?.procedures.find((p) => p.code === code) : undefined;
  const open = (c: string) =>
    setParams((p) => {
      p.set('code', c);
      return p;
    });

  return (
    <>
      <Typography.Title>{t('admin.procedures.title')}</Typography.Title>
      <Typography.Paragraph>{t('admin.procedures.lead')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('admin.procedures.search')}
          placeholder={t('admin.procedures.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Button onClick={() => open('new')}>{t('admin.procedures.add')}</Button>
      </Space>
      <Table<Procedure>
        rowKey="code"
        dataSource={procedures}
        loading={loading && !data}
        size="small"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        columns={[
          { title: t('admin.procedures.code'), dataIndex: 'code' },
          { title: t('admin.procedures.name'), dataIndex: 'name' },
          { title: t('admin.procedures.sector'), dataIndex: 'sector' },
          {
            title: t('admin.procedures.levels'),
            render: (_, p) => p.levels.map((l) => t(`admin.level.${l}`)).join(', '),
          },
          {
            title: t('admin.procedures.fee'),
            render: (_, p) => (p.feeVnd ? p.feeVnd.toLocaleString('vi-VN') : t('admin.procedures.free')),
          },
          {
            title: t('admin.procedures.time'),
            render: (_, p) => t(`units.${p.processingTime.unit}`, { count: p.processingTime.amount }),
          },
          { title: t('admin.procedures.version'), dataIndex: 'version' },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" onClick={() => open(p.code)} aria-label={`${t('admin.procedures.edit')} ${p.code}`}>
                {t('admin.procedures.edit')}
              </Button>
            ),
          },
        ]}
      />
      {code === 'new' && (
        <ProcedureForm
          key="new"
          onSaved={(p) => {
            void refetch();
            open(p);
          }}
        />
      )}
      {current && (
        <div className="admin-stack">
          <ProcedureForm
            key={`${current.code}-${current.version}`}
            procedure={current}
            onSaved={() => void refetch()}
          />
          <WorkflowEditor key={current.code} procedure={current} />
        </div>
      )}
    </>
  );
}

interface ProcedureValues {
  code: string;
  name: string;
  sector: string;
  levels: CentreLevel[];
  feeVnd: number;
  amount: number;
  unit: TimeUnit;
  components: Array<{ code: string; name: string; required: boolean; documentType: string }>;
}

function ProcedureForm({ procedure, onSaved }: { procedure?: Procedure; onSaved: (code: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [save, { loading, error }] = useMutation(UpsertProcedure);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const initial: Partial<ProcedureValues> = procedure
    ? {
        ...procedure,
        amount: procedure.processingTime.amount,
        unit: procedure.processingTime.unit,
        components: procedure.components.map((c) => ({ ...c })),
      }
    : { levels: ['PROVINCE'], feeVnd: 0, amount: 5, unit: 'WORKING_DAYS', components: [] };
  return (
    <Card
      title={
        <h2 className="card-title">
          {procedure
            ? `${t('admin.procedures.editing', { code: procedure.code })} · ${t('admin.procedures.versionN', { version: procedure.version })}`
            : t('admin.procedures.newProcedure')}
        </h2>
      }
    >
      {error && <Alert type="error" showIcon title={explain(t, error)} style={{ marginBottom: 8 }} />}
      <Form
        layout="vertical"
        initialValues={initial}
        onFinish={async (v: ProcedureValues) => {
          const res = await save({
            variables: {
              input: {
                code: v.code.trim(),
                name: v.name.trim(),
                sector: v.sector.trim(),
                levels: v.levels,
                feeVnd: v.feeVnd ?? 0,
                processingTime: { amount: v.amount, unit: v.unit },
                components: (v.components ?? []).map((c) => ({ ...c, required: !!c.required })),
              },
            },
          }).catch(() => null);
          if (res?.data) {
            void message.success(
              t('admin.procedures.savedVersion', {
                version: res.data.upsertProcedure.version,
                code: res.data.upsertProcedure.code,
              }),
            );
            onSaved(res.data.upsertProcedure.code);
          }
        }}
      >
        <Form.Item name="code" label={t('admin.procedures.code')} rules={required(t('admin.procedures.code'))}>
          <Input disabled={!!procedure} maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.procedures.name')} rules={required(t('admin.procedures.name'))}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="sector" label={t('admin.procedures.sector')} rules={required(t('admin.procedures.sector'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="levels"
          label={t('admin.procedures.levels')}
          rules={[{ required: true, message: t('common.required', { field: t('admin.procedures.levels') }) }]}
        >
          <Select mode="multiple" options={LEVELS.map((l) => ({ value: l, label: t(`admin.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="feeVnd" label={t('admin.procedures.fee')}>
          <InputNumber min={0} step={1000} style={{ width: '100%' }} />
        </Form.Item>
        <fieldset className="admin-fieldset">
          <legend>{t('admin.procedures.time')}</legend>
          <Space wrap>
            <Form.Item
              name="amount"
              label={t('admin.procedures.amount')}
              rules={[{ required: true, message: t('common.required', { field: t('admin.procedures.amount') }) }]}
            >
              <InputNumber min={1} max={3650} />
            </Form.Item>
            <Form.Item name="unit" label={t('admin.procedures.unit')}>
              <Select
                style={{ minWidth: 170 }}
                options={UNITS.map((u) => ({ value: u, label: t(`units.${u}`, { count: 0 }).replace(/^0\s*/, '') }))}
              />
            </Form.Item>
          </Space>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t('admin.procedures.components')}</legend>
          <Form.List name="components">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="admin-component">
                    <Form.Item
                      name={[f.name, 'code']}
                      label={`${t('admin.procedures.componentCode')} ${i + 1}`}
                      rules={required(t('admin.procedures.componentCode'))}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t('admin.procedures.componentName')}
                      rules={required(t('admin.procedures.componentName'))}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'documentType']}
                      label={t('admin.procedures.documentType')}
                      rules={required(t('admin.procedures.documentType'))}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'required']}
                      label={t('admin.procedures.required')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} aria-label={`${t('admin.procedures.remove')} ${i + 1}`}>
                      {t('admin.procedures.remove')}
                    </Button>
                  </div>
                ))}
                <Button onClick={() => add({ required: true })}>{t('admin.procedures.addComponent')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('admin.procedures.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** A step's condition as the form holds it: two optional fields (none: the step always applies). */
interface ConditionValues {
  applicantKind?: ApplicantKind | null;
  feeAtLeastVnd?: number | null;
}
interface BranchValues extends ConditionValues {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
}
interface StepValues extends ConditionValues {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
  kind: StepKind;
  sendBackTo?: string[];
  branches?: BranchValues[];
  agencyCentreId?: string | null;
}
type SavedStep = NonNullable<AdminWorkflowQuery['workflow']>['steps'][number];

const toForm = (s: SavedStep): StepValues => ({
  code: s.code,
  name: s.name,
  role: s.role,
  durationHours: s.durationHours,
  kind: s.kind ?? 'TASK',
  sendBackTo: s.sendBackTo ?? [],
  applicantKind: s.condition?.applicantKind ?? null,
  feeAtLeastVnd: s.condition?.feeAtLeastVnd ?? null,
  branches: (s.branches ?? []).map((b) => ({
    code: b.code,
    name: b.name,
    role: b.role,
    durationHours: b.durationHours,
    applicantKind: b.condition?.applicantKind ?? null,
    feeAtLeastVnd: b.condition?.feeAtLeastVnd ?? null,
  })),
  agencyCentreId: s.agency?.id ?? null,
});
const condition = (c: ConditionValues) =>
  c.applicantKind || c.feeAtLeastVnd != null
    ? { applicantKind: c.applicantKind || null, feeAtLeastVnd: c.feeAtLeastVnd ?? null }
    : null;
/** The form's step as the API takes it: only what its kind uses, codes in capitals. */
const toInput = (s: StepValues, earlier: string[]): WorkflowStepInput => ({
  code: s.code.trim().toUpperCase(),
  name: s.name.trim(),
  role: s.role,
  durationHours: s.durationHours,
  kind: s.kind ?? 'TASK',
  sendBackTo: (s.sendBackTo ?? []).map((c) => c.trim().toUpperCase()).filter((c) => earlier.includes(c)),
  condition: condition(s),
  branches:
    s.kind === 'PARALLEL'
      ? (s.branches ?? []).map((b) => ({
          code: b.code.trim().toUpperCase(),
          name: b.name.trim(),
          role: b.role,
          durationHours: b.durationHours,
          condition: condition(b),
        }))
      : [],
  agencyCentreId: s.kind === 'INTER_AGENCY' ? (s.agencyCentreId ?? null) : null,
});

function WorkflowEditor({ procedure }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm<{ steps: StepValues[] }>();
  const { data, loading, error } = useQuery(WorkflowQuery, { variables: { procedureCode: procedure.code } });
  const { data: agencies } = useQuery(Agencies);
  const [define, { loading: saving, error: saveError }] = useMutation(DefineWorkflow, {
    refetchQueries: [WorkflowQuery],
  });
  const steps = Form.useWatch('steps', form);
  const sum = compareWithStatutory(
    (steps ?? []).map((s) => s?.durationHours),
    procedure.processingTime,
  );
  const workflow = data?.workflow;
  const time = t(`units.${procedure.processingTime.unit}`, { count: procedure.processingTime.amount });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <Card title={<h2 className="card-title">{t('admin.workflow.title')}</h2>} loading={loading && !data}>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      {workflow && (
        <>
          <Typography.Paragraph>
            {workflow.version
              ? t('admin.workflow.versionN', { version: workflow.version })
              : t('admin.workflow.defaultTemplate')}{' '}
            · {t('admin.workflow.lead')}
          </Typography.Paragraph>
          {saveError && <Alert type="error" showIcon title={explain(t, saveError)} style={{ marginBottom: 8 }} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ steps: workflow.steps.map(toForm) }}
            onFinish={async (v) => {
              const codes = v.steps.map((s) => s.code.trim().toUpperCase());
              const res = await define({
                variables: {
                  input: { procedureCode: procedure.code, steps: v.steps.map((s, i) => toInput(s, codes.slice(0, i))) },
                },
              }).catch(() => null);
              if (res?.data)
                void message.success(t('admin.workflow.saved', { version: res.data.defineWorkflow.version }));
            }}
          >
            <Form.List name="steps">
              {(fields, { add, remove, move }) => (
                <ol className="admin-steps">
                  {fields.map((f, i) => (
                    <li key={f.key} className="admin-workflow-item" aria-label={t('admin.workflow.step', { n: i + 1 })}>
                      <div className="admin-workflow-step">
                        <span className="n" aria-hidden>
                          {i + 1}.
                        </span>
                        <Form.Item
                          name={[f.name, 'code']}
                          label={t('admin.workflow.code')}
                          rules={[
                            ...required(t('admin.workflow.code')),
                            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, message: t('errors.BAD_USER_INPUT') },
                          ]}
                        >
                          <Input maxLength={40} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'name']}
                          label={t('admin.workflow.name')}
                          rules={required(t('admin.workflow.name'))}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'role']} label={t('admin.workflow.role')}>
                          <Select options={ROLES.map((r) => ({ value: r, label: t(`admin.workflow.roles.${r}`) }))} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'durationHours']}
                          label={t('admin.workflow.hours')}
                          rules={[
                            { required: true, message: t('common.required', { field: t('admin.workflow.hours') }) },
                          ]}
                        >
                          <InputNumber min={0.25} max={2000} step={0.5} style={{ width: '100%' }} />
                        </Form.Item>
                        <Space size={4}>
                          <Button
                            size="small"
                            disabled={i === 0}
                            onClick={() => move(i, i - 1)}
                            aria-label={t('admin.workflow.up', { n: i + 1 })}
                          >
                            ↑
                          </Button>
                          <Button
                            size="small"
                            disabled={i === fields.length - 1}
                            onClick={() => move(i, i + 1)}
                            aria-label={t('admin.workflow.down', { n: i + 1 })}
                          >
                            ↓
                          </Button>
                          <Button
                            size="small"
                            danger
                            disabled={fields.length <= 2}
                            onClick={() => remove(f.name)}
                            aria-label={t('admin.workflow.remove', { n: i + 1 })}
                          >
                            ✕
                          </Button>
                        </Space>
                      </div>
                      <StepDetails
                        field={f.name}
                        earlier={(steps ?? [])
                          .slice(0, i)
                          .map((s) => s?.code)
                          .filter((c): c is string => !!c)}
                        agencies={(agencies?.centres ?? []).map((c) => ({
                          value: c.id,
                          label: `${c.name} (${c.code})`,
                        }))}
                      />
                    </li>
                  ))}
                  <li className="admin-add-step">
                    <Button
                      onClick={() =>
                        add(
                          {
                            code: '',
                            name: '',
                            role: 'SPECIALIST',
                            durationHours: 8,
                            kind: 'TASK',
                            sendBackTo: [],
                            branches: [],
                          },
                          Math.max(fields.length - 1, 0),
                        )
                      }
                    >
                      {t('admin.workflow.add')}
                    </Button>
                  </li>
                </ol>
              )}
            </Form.List>
            <div className="admin-sum" role="status" aria-live="polite">
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {t('admin.workflow.sum', { days: decimal(sum.days, english), hours: decimal(sum.totalHours, english) })}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {procedure.processingTime.unit !== 'WORKING_HOURS'
                  ? t('admin.workflow.statutoryCalendar', { time })
                  : t('admin.workflow.statutory', { time, days: decimal(sum.limitDays ?? 0, english) })}
              </Typography.Paragraph>
              {sum.overBy > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('admin.workflow.over', { days: decimal(sum.overBy, english) })}
                />
              ) : (
                <Alert type="success" showIcon title={t('admin.workflow.within')} />
              )}
            </div>
            <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }}>
              {t('admin.workflow.save')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/**
 * What a step is beyond its line (issue #20): its kind (one department, departments in parallel,
 * another agency), the condition under which it applies, the earlier steps it may send the dossier
 * back to, and its branches or its agency.
 */
function StepDetails({
  field,
  earlier,
  agencies,
}: {
  field: number;
  earlier: string[];
  agencies: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['steps', field, 'kind'], form) as StepKind | undefined;
  return (
    <div className="wf-admin-more">
      <div className="wf-admin-row">
        <Form.Item name={[field, 'kind']} label={t('wfAdmin.kind')} initialValue="TASK">
          <Select options={KINDS.map((k) => ({ value: k, label: t(`wf.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name={[field, 'applicantKind']}
          label={`${t('wfAdmin.condition')}: ${t('wfAdmin.applicantKind').toLowerCase()}`}
        >
          <Select
            allowClear
            placeholder={t('wfAdmin.anyApplicant')}
            options={APPLICANTS.map((a) => ({ value: a, label: t(`wfAdmin.applicant.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name={[field, 'feeAtLeastVnd']} label={t('wfAdmin.feeAtLeast')}>
          <InputNumber min={0} step={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={[field, 'sendBackTo']} label={t('wfAdmin.sendBackTo')}>
          <Select
            mode="multiple"
            allowClear
            disabled={earlier.length === 0}
            placeholder={t('wfAdmin.anyEarlier')}
            options={earlier.map((c) => ({ value: c.trim().toUpperCase(), label: c.trim().toUpperCase() }))}
          />
        </Form.Item>
      </div>
      {kind === 'INTER_AGENCY' && (
        <Form.Item
          name={[field, 'agencyCentreId']}
          label={t('wfAdmin.agency')}
          rules={[{ required: true, message: t('wfAdmin.needAgency') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} />
        </Form.Item>
      )}
      {kind === 'PARALLEL' && (
        <fieldset className="admin-fieldset">
          <legend>{t('wfAdmin.branches')}</legend>
          <Form.List
            name={[field, 'branches']}
            rules={[
              {
                validator: async (_, v?: unknown[]) => {
                  if (!v || v.length < 2) throw new Error(t('wfAdmin.needBranches'));
                },
              },
            ]}
          >
            {(branches, { add, remove }, { errors }) => (
              <>
                <ol className="wf-admin-branches">
                  {branches.map((b, j) => (
                    <li key={b.key} className="wf-admin-branch" aria-label={t('wfAdmin.branch', { n: j + 1 })}>
                      <Form.Item
                        name={[b.name, 'code']}
                        label={t('wfAdmin.branchCode')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('common.required', { field: t('wfAdmin.branchCode') }),
                          },
                          { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, message: t('errors.BAD_USER_INPUT') },
                        ]}
                      >
                        <Input maxLength={40} />
                      </Form.Item>
                      <Form.Item
                        name={[b.name, 'name']}
                        label={t('wfAdmin.branchName')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('common.required', { field: t('wfAdmin.branchName') }),
                          },
                        ]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[b.name, 'role']} label={t('admin.workflow.role')}>
                        <Select options={ROLES.map((r) => ({ value: r, label: t(`admin.workflow.roles.${r}`) }))} />
                      </Form.Item>
                      <Form.Item
                        name={[b.name, 'durationHours']}
                        label={t('wfAdmin.branchHours')}
                        rules={[{ required: true, message: t('common.required', { field: t('wfAdmin.branchHours') }) }]}
                      >
                        <InputNumber min={0.25} max={2000} step={0.5} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[b.name, 'applicantKind']} label={t('wfAdmin.applicantKind')}>
                        <Select
                          allowClear
                          placeholder={t('wfAdmin.anyApplicant')}
                          options={APPLICANTS.map((a) => ({ value: a, label: t(`wfAdmin.applicant.${a}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[b.name, 'feeAtLeastVnd']} label={t('wfAdmin.feeAtLeast')}>
                        <InputNumber min={0} step={10000} style={{ width: '100%' }} />
                      </Form.Item>
                      <Button
                        size="small"
                        danger
                        onClick={() => remove(b.name)}
                        aria-label={t('wfAdmin.removeBranch', { n: j + 1 })}
                      >
                        ✕
                      </Button>
                    </li>
                  ))}
                </ol>
                <Form.ErrorList errors={errors} />
                <Button size="small" onClick={() => add({ code: '', name: '', role: 'SPECIALIST', durationHours: 8 })}>
                  {t('wfAdmin.addBranch')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      )}
    </div>
  );
}
