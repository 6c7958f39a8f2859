import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { StepRole } from '../gql/graphql';
import { branchActions, type BranchAction } from '../actions';
import { dateTime } from '../format';
import { explain } from '../errors';
import type { User } from '../session';
import '../workflow-i18n';
import './workflow.css';

/**
 * The officers' side of the departments' way of working (issue #20), shared by the inbox and the
 * dossier page: assigning a step to a named officer, the workflow's progress with its parallel
 * branches, the inter-agency transfer (liên thông), and who held the dossier (the control slip's holders).
 */

const Officers = graphql(
  `query AssignableOfficers($centreId: ID!, $role: StepRole) { officers(centreId: $centreId, role: $role) { id name role } }`,
);
const Assign = graphql(`
  mutation AssignDossier($dossierId: ID!, $officerId: ID!, $branchCode: String, $note: String) {
    assignDossier(dossierId: $dossierId, officerId: $officerId, branchCode: $branchCode, note: $note) {
      id assignee { id name } activeSteps { code branchCode assignee { id name } }
    }
  }
`);

/** A step or branch in progress, with what the pages show of it. */
export interface ActiveStepView {
  code: string;
  name: string;
  role: StepRole;
  index: number;
  dueAt?: string | null;
  kind: string;
  branchCode?: string | null;
  branchName?: string | null;
  assignee?: { id: string; name: string } | null;
  agency?: { code: string; name?: string | null } | null;
  agencyAccepted?: boolean | null;
}

/** The name of a step in progress: the branch's department after the step's name. */
export const stepLabel = (s: { name: string; branchName?: string | null; branchCode?: string | null }) =>
  s.branchName || s.branchCode ? `${s.name} — ${s.branchName ?? s.branchCode}` : s.name;

/** "Giao xử lý": a leader gives a step (or one branch of a parallel step) to a named officer of its role; again to reassign. */
export function AssignModal({
  dossier,
  steps,
  branchCode,
  onClose,
  onDone,
}: {
  dossier: { id: string; code: string; processingCentre?: { id: string } | null };
  steps: ActiveStepView[];
  branchCode?: string | null;
  onClose(): void;
  onDone?(): unknown;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Inter-agency steps are the agency's to run: only the processing centre's own steps are assigned here.
  const assignable = steps.filter((s) => s.kind !== 'INTER_AGENCY');
  const [stepKey, setStepKey] = useState(() => branchCode ?? assignable[0]?.branchCode ?? '');
  const step = assignable.find((s) => (s.branchCode ?? '') === stepKey) ?? assignable[0];
  const [form] = Form.useForm<{ officerId: string; note?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const centreId = dossier.processingCentre?.id;
  const { data, loading, error } = useQuery(Officers, {
    variables: { centreId: centreId ?? '', role: step?.role },
    skip: !centreId || !step,
    fetchPolicy: 'cache-first',
  });
  const [assign, { loading: saving }] = useMutation(Assign);
  const officers = data?.officers ?? [];
  const run = async (v: { officerId: string; note?: string }) => {
    setFailure(null);
    try {
      await assign({
        variables: {
          dossierId: dossier.id,
          officerId: v.officerId,
          branchCode: step?.branchCode ?? null,
          note: v.note?.trim() || null,
        },
      });
      void message.success(
        t('wf.assigned', { code: dossier.code, name: officers.find((o) => o.id === v.officerId)?.name ?? '' }),
      );
      await onDone?.();
      onClose();
    } catch (err) {
      setFailure(explain(t, err));
    }
  };
  return (
    <Modal
      open
      title={step ? t('wf.assignTitle', { step: stepLabel(step) }) : t('wf.assignFor', { code: dossier.code })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'assign-form', loading: saving, disabled: !step }}
    >
      <Typography.Paragraph>{t('wf.assignFor', { code: dossier.code })}</Typography.Paragraph>
      <Form form={form} id="assign-form" layout="vertical" onFinish={run} scrollToFirstError={{ focus: true }}>
        {assignable.length > 1 && (
          <Form.Item label={t('wf.branch')}>
            <Select
              value={stepKey}
              onChange={(v) => {
                setStepKey(v);
                form.resetFields(['officerId']);
              }}
              aria-label={t('wf.branch')}
              options={assignable.map((s) => ({ value: s.branchCode ?? '', label: stepLabel(s) }))}
            />
          </Form.Item>
        )}
        {step && (
          <Typography.Paragraph data-testid="current-assignee">
            {t('wf.assignee')}: <strong>{step.assignee?.name ?? t('wf.unassigned')}</strong>
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t('wf.officer')}
          name="officerId"
          rules={[{ required: true, message: t('common.required', { field: t('wf.officer') }) }]}
          extra={!loading && data && officers.length === 0 ? t('wf.noOfficers') : undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={loading}
            autoFocus
            options={officers.map((o) => ({
              value: o.id,
              label: o.id === step?.assignee?.id ? `${o.name} (${t('wf.assignee').toLowerCase()})` : o.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('fields.note')} name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
        {(failure || error) && <Alert role="alert" type="error" showIcon title={failure ?? explain(t, error)} />}
      </Form>
    </Modal>
  );
}

interface WorkflowStepView {
  code: string;
  name: string;
  role: StepRole;
  kind: string;
  branches: Array<{ code: string; name: string; role: StepRole }>;
  agency?: { code: string; name?: string | null } | null;
}
interface HoldingView {
  stepCode: string;
  branchCode?: string | null;
  until?: string | null;
}

/**
 * The workflow drawn with its progress: the steps done, the ones in progress with their due time,
 * assignee and the actions on each branch, and the ones to come.
 */
export function WorkflowProgress({
  steps,
  active,
  holdings,
  user,
  dossier,
  onBranch,
  onAssign,
}: {
  steps: WorkflowStepView[];
  active: ActiveStepView[];
  holdings: HoldingView[];
  user: User | null;
  dossier: Parameters<typeof branchActions>[1];
  onBranch(step: ActiveStepView): void;
  onAssign(step: ActiveStepView): void;
}) {
  const { t } = useTranslation();
  const now = active[0]?.index ?? (dossier.status === 'RESOLVED' || dossier.status === 'RETURNED' ? steps.length : -1);
  const held = (code: string, branch?: string) =>
    holdings.some((h) => h.stepCode === code && (branch === undefined || h.branchCode === branch));
  const facts = (s: ActiveStepView) => (
    <dl className="wf-facts">
      <dt>{t('wf.stepDue')}</dt>
      <dd>{dateTime(s.dueAt)}</dd>
      <dt>{t('wf.assignee')}</dt>
      <dd data-testid={`assignee-${s.branchCode ?? s.code}`}>
        {s.assignee?.name ?? t('wf.unassigned')}
        {s.assignee && s.assignee.id === user?.id ? ` (${t('wf.you')})` : ''}
      </dd>
    </dl>
  );
  const branchButtons = (s: ActiveStepView) => {
    const actions = branchActions(user, dossier, s);
    if (!actions.length) return null;
    const label: Record<BranchAction, string> = {
      branchDone: t('wf.branchDone'),
      assign: s.assignee ? t('wf.reassign') : t('wf.assign'),
    };
    return (
      <Space wrap size={4}>
        {actions.map((a) => (
          <Button
            key={a}
            size="small"
            type={a === 'branchDone' ? 'primary' : 'default'}
            aria-label={`${label[a]}: ${s.branchName ?? s.branchCode}`}
            onClick={() => (a === 'branchDone' ? onBranch(s) : onAssign(s))}
          >
            {label[a]}
          </Button>
        ))}
      </Space>
    );
  };
  return (
    <ol className="wf-steps" aria-label={t('wf.progress')}>
      {steps.map((step, i) => {
        const here = active.filter((a) => a.code === step.code || (!a.code && a.index === i));
        const state = here.length ? 'now' : i < now ? 'done' : 'later';
        return (
          <li key={step.code} className={`wf-step ${state}`} aria-current={state === 'now' ? 'step' : undefined}>
            <div className="wf-step-head">
              <span className="wf-step-name">
                {i + 1}. {step.name}
              </span>
              <Tag>{t(`roles.${step.role}`)}</Tag>
              {step.kind !== 'TASK' && (
                <Tag color="blue">
                  {t(`wf.kind.${step.kind}`)}
                  {step.agency?.name ? `: ${step.agency.name}` : ''}
                </Tag>
              )}
              <span className="wf-state">
                {state === 'now' ? t('wf.active') : state === 'done' ? t('wf.doneStep') : t('wf.pending')}
              </span>
            </div>
            {step.kind === 'PARALLEL' && step.branches.length > 0 ? (
              <ul className="wf-branches" aria-label={t('wf.branch')}>
                {step.branches.map((b) => {
                  const running = here.find((a) => a.branchCode === b.code);
                  const bState = running
                    ? 'now'
                    : state === 'later'
                      ? 'later'
                      : held(step.code, b.code)
                        ? 'done'
                        : state === 'now'
                          ? 'skipped'
                          : 'done';
                  return (
                    <li key={b.code} className={`wf-branch ${bState}`} data-branch={b.code}>
                      <div className="wf-step-head">
                        <span className="wf-step-name">{b.name}</span>
                        <Tag>{t(`roles.${b.role}`)}</Tag>
                        <span className="wf-state">
                          {bState === 'now'
                            ? t('wf.active')
                            : bState === 'done'
                              ? t('wf.doneStep')
                              : bState === 'skipped'
                                ? t('wf.skipped')
                                : t('wf.pending')}
                        </span>
                      </div>
                      {running && (
                        <>
                          {facts(running)}
                          {branchButtons(running)}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              here[0] && facts(here[0])
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The inter-agency transfer in progress or last done: where, since when, its share of the time, and its state. */
export function InterAgencyFacts({
  transfer,
  stepName,
}: {
  transfer: {
    agency: { code: string; name?: string | null };
    sentAt: string;
    shareDueAt?: string | null;
    state: string;
    reason?: string | null;
  };
  stepName?: string;
}) {
  const { t } = useTranslation();
  const colour = transfer.state === 'RETURNED' ? 'red' : transfer.state === 'AWAITING_ACCEPTANCE' ? 'orange' : 'green';
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'agency',
          label: t('wf.agency'),
          children: `${transfer.agency.name ?? transfer.agency.code}${stepName ? ` · ${stepName}` : ''}`,
        },
        {
          key: 'state',
          label: t('fields.status'),
          children: (
            <Tag color={colour} data-testid="inter-agency-state">
              {t(`wf.state.${transfer.state}`)}
            </Tag>
          ),
        },
        { key: 'sent', label: t('wf.sentAt'), children: dateTime(transfer.sentAt) },
        { key: 'due', label: t('wf.shareDueAt'), children: dateTime(transfer.shareDueAt) },
        ...(transfer.reason ? [{ key: 'reason', label: t('fields.reason'), children: transfer.reason }] : []),
      ]}
    />
  );
}

interface Holding {
  officer?: { name: string } | null;
  stepCode: string;
  branchCode?: string | null;
  centre: { code: string; name?: string | null };
  from: string;
  until?: string | null;
  workingHours: number;
  rework: boolean;
}

/** Who held the dossier at each step, from when until when, for how many working hours, and whether it was rework. */
export function HoldingsTable({
  holdings,
  steps,
}: {
  holdings: Holding[];
  steps: Array<{
    code: string;
    name: string;
    role: string;
    branches?: Array<{ code: string; name: string; role: string }>;
  }>;
}) {
  const { t, i18n } = useTranslation();
  const stepOf = (h: Holding) => steps.find((s) => s.code === h.stepCode);
  const branchOf = (h: Holding) => stepOf(h)?.branches?.find((b) => b.code === h.branchCode);
  const hours = (n: number) =>
    (Math.round(n * 10) / 10).toLocaleString(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN');
  // A region of its own that scrolls sideways on a narrow screen, reachable by keyboard (no link inside to take the focus).
  return (
    <div className="wf-scroll" tabIndex={0} role="region" aria-label={t('wf.holders')}>
      <Table<Holding>
        size="small"
        rowKey={(h) => `${h.stepCode}-${h.branchCode ?? ''}-${h.from}`}
        dataSource={holdings}
        pagination={false}
        style={{ minWidth: 720 }}
        locale={{ emptyText: t('common.none') }}
        data-testid="holdings"
        columns={[
          {
            title: t('wf.holder'),
            key: 'holder',
            render: (_, h) =>
              h.officer?.name ??
              t('wf.byRole', { role: t(`roles.${branchOf(h)?.role ?? stepOf(h)?.role ?? 'SPECIALIST'}`) }),
          },
          {
            title: t('wf.step'),
            key: 'step',
            render: (_, h) =>
              stepLabel({
                name: stepOf(h)?.name ?? h.stepCode,
                branchName: branchOf(h)?.name,
                branchCode: h.branchCode,
              }),
          },
          { title: t('fields.centre'), key: 'centre', render: (_, h) => h.centre.name ?? h.centre.code },
          { title: t('wf.from'), key: 'from', render: (_, h) => dateTime(h.from) },
          {
            title: t('wf.until'),
            key: 'until',
            render: (_, h) => (h.until ? dateTime(h.until) : <em>{t('wf.stillHeld')}</em>),
          },
          { title: t('wf.heldHours'), key: 'hours', align: 'right', render: (_, h) => hours(h.workingHours) },
          {
            title: t('wf.rework'),
            key: 'rework',
            render: (_, h) => (h.rework ? <Tag color="orange">{t('wf.rework')}</Tag> : ''),
          },
        ]}
      />
    </div>
  );
}
