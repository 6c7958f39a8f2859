import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DossierPageQuery } from '../gql/graphql';
import { availableActions, sendBackTargets, type Action } from '../actions';
import { dateTime, dayjs, fileSize, readBase64, ZONE } from '../format';
import { errorCode, explain } from '../errors';
import { useSession } from '../session';
import { DeadlineTag, TimeLeft, deadlineOf } from './deadline';
import { HistoryTimeline, SlipLinks } from './dossier-parts';
import {
  AssignModal,
  HoldingsTable,
  InterAgencyFacts,
  WorkflowProgress,
  stepLabel,
  type ActiveStepView,
} from './workflow-parts';

const DossierPage = graphql(`
  query DossierPage($id: ID!) {
    dossier(id: $id) {
      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl
      procedure { code name components { code name required } }
      applicant { identityNumber fullName phone address }
      receivingCentre { id code name }
      processingCentre { id code }
      currentStep { code name role dueAt index }
      activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } agency { id code name } agencyAccepted }
      assignee { id name }
      interAgency { agency { id code name } stepCode sentAt shareDueAt state reason }
      holdings { officer { id name role } stepCode branchCode centre { id code name } from until workingHours rework }
      workflow { steps { code name role kind sendBackTo branches { code name role } agency { id code name } } }
      sla { state remainingWorkingHours }
      history { action actor actorRole at note stepCode stepOutcome }
      apologies { reason newDueAt issuedAt }
      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }
      decision
      result { id title fileName }
      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }
      outcome
    }
  }
`);

const Centres = graphql(`query TransferCentres { centres { id code name } }`);
const Complete = graphql(
  `mutation CompleteFromPage($dossierId: ID!, $note: String, $branchCode: String) { completeStep(dossierId: $dossierId, note: $note, branchCode: $branchCode) { id status nationalStatusCode currentStep { code role } } }`,
);
const SendBack = graphql(
  `mutation SendBackFromPage($dossierId: ID!, $toStepCode: String!, $reason: String!) { sendBack(dossierId: $dossierId, toStepCode: $toStepCode, reason: $reason) { id status currentStep { code role } } }`,
);
const AcceptTransfer = graphql(
  `mutation AcceptInterAgencyFromPage($dossierId: ID!, $note: String) { acceptInterAgency(dossierId: $dossierId, note: $note) { id interAgency { state } } }`,
);
const ReturnTransfer = graphql(
  `mutation ReturnInterAgencyFromPage($dossierId: ID!, $reason: String!) { returnInterAgency(dossierId: $dossierId, reason: $reason) { id interAgency { state reason } } }`,
);
const Supplement = graphql(
  `mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }`,
);
const Transfer = graphql(
  `mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }`,
);
const Stop = graphql(
  `mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }`,
);
const Decide = graphql(
  `mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }`,
);
const Apology = graphql(
  `mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }`,
);
const Accept = graphql(
  `mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }`,
);
const Refuse = graphql(
  `mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }`,
);
const Pickup = graphql(
  `mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }`,
);

type D = NonNullable<DossierPageQuery['dossier']>;

/** One dossier: data, documents, the control slip, and exactly the actions the user may take now. */
export default function DossierView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  // errorPolicy all: a field the caller may not read (the holders, for an applicant) leaves the rest of the page standing.
  const { data, loading, error, refetch } = useQuery(DossierPage, { variables: { id }, errorPolicy: 'all' });
  const [open, setOpen] = useState<Action | null>(null);
  // The step or branch an action is about: a branch's own "done", or the step a leader assigns.
  const [about, setAbout] = useState<ActiveStepView | null>(null);

  if (loading && !data)
    return (
      <div role="status" aria-label={t('common.loading')}>
        <Spin />
      </div>
    );
  const d = data?.dossier;
  if (!d) {
    return (
      <Result
        status={error ? 'error' : '404'}
        title={<h1>{error ? explain(t, error) : t('errors.NOT_FOUND')}</h1>}
        extra={[
          <Button key="again" type="primary" onClick={() => void refetch()}>
            {t('common.refresh')}
          </Button>,
          <Link key="back" to={user?.role === 'CITIZEN' ? '/me' : '/inbox'}>
            <Button>{t('common.back')}</Button>
          </Link>,
        ]}
      />
    );
  }
  const actions = availableActions(user, d);
  const state = deadlineOf(d);
  const labels: Record<Action, string> = {
    complete: t('dossier.complete'),
    decide: t('dossier.decide'),
    supplement: t('dossier.supplement'),
    transfer: t('dossier.transfer'),
    stop: t('dossier.stop'),
    apology: t('dossier.apology'),
    accept: t('dossier.accept'),
    refuse: t('dossier.refuse'),
    pickup: t('dossier.pickup'),
    assign: d.activeSteps[0]?.assignee ? t('wf.reassign') : t('wf.assign'),
    sendBack: t('wf.sendBack'),
    acceptTransfer: t('wf.acceptTransfer'),
    returnTransfer: t('wf.returnTransfer'),
  };
  const steps = d.workflow?.steps ?? [];
  const active = d.activeSteps;
  const openOn = (a: Action, step: ActiveStepView | null) => {
    setAbout(step);
    setOpen(a);
  };
  return (
    <>
      <Typography.Title>{t('dossier.title', { code: d.code })}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {d.status && (
          <Tag color="blue" data-testid="dossier-status">
            {t(`status.${d.status}`)}
          </Tag>
        )}
        {d.status !== 'RESOLVED' && d.status !== 'RETURNED' && <DeadlineTag state={state} />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossier.data')}</h2>}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'procedure', label: t('fields.procedure'), children: d.procedure.name },
                {
                  key: 'applicant',
                  label: t('fields.applicant'),
                  children: `${d.applicant.fullName} (${d.applicant.identityNumber})`,
                },
                { key: 'phone', label: t('fields.phone'), children: d.applicant.phone ?? '—' },
                { key: 'address', label: t('fields.address'), children: d.applicant.address ?? '—' },
                { key: 'channel', label: t('fields.channel'), children: t(`channel.${d.channel}`) },
                { key: 'received', label: t('fields.receivedAt'), children: dateTime(d.receivedAt) },
                { key: 'due', label: t('fields.dueAt'), children: dateTime(d.dueAt) },
                {
                  key: 'left',
                  label: t('fields.timeLeft'),
                  children: <TimeLeft hours={d.sla?.remainingWorkingHours} />,
                },
                {
                  key: 'step',
                  label: t('fields.step'),
                  children: active.length
                    ? active.map((s) => `${stepLabel(s)} (${t(`roles.${s.role}`)})`).join('; ')
                    : d.currentStep
                      ? `${d.currentStep.name} (${t(`roles.${d.currentStep.role}`)})`
                      : '—',
                },
                ...(active.length
                  ? [
                      {
                        key: 'assignee',
                        label: t('wf.assignee'),
                        children: <span data-testid="dossier-assignee">{d.assignee?.name ?? t('wf.unassigned')}</span>,
                      },
                    ]
                  : []),
                { key: 'resolved', label: t('fields.resolvedAt'), children: dateTime(d.resolvedAt) },
                { key: 'rc', label: t('fields.receivingCentre'), children: d.receivingCentre.name },
                { key: 'pc', label: t('fields.processingCentre'), children: d.processingCentre?.code ?? '—' },
                ...(d.delivery
                  ? [
                      {
                        key: 'delivery',
                        label: t('dossier.delivery'),
                        children: `${t(`delivery.${d.delivery.method}`)} · ${t(`delivery.${d.delivery.status}`)}${d.delivery.trackingNumber ? ` · ${d.delivery.trackingNumber}` : ''}`,
                      },
                    ]
                  : []),
                ...(d.delivery?.collectedBy
                  ? [
                      {
                        key: 'collector',
                        label: t('fields.collector'),
                        children: `${d.delivery.collectedBy.fullName} (${d.delivery.collectedBy.identityNumber}) · ${dateTime(d.delivery.returnedAt)}`,
                      },
                    ]
                  : []),
                ...(d.decision
                  ? [
                      {
                        key: 'decision',
                        label: t('dossier.result'),
                        children: t(`dossier.decision.${d.decision}`) + (d.result ? ` — ${d.result.title}` : ''),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossier.documents')}</h2>}
          >
            <List
              size="small"
              dataSource={d.components}
              locale={{ emptyText: t('common.none') }}
              renderItem={(c) => {
                const name = d.procedure.components.find((p) => p.code === c.componentCode)?.name ?? c.componentCode;
                // a record the caller may not open comes back null (its owner's guard): the name alone
                if (!c.record) return <List.Item>{name}</List.Item>;
                const record = c.record;
                return (
                  <List.Item>
                    <Space wrap>
                      <a
                        href={`/intake/records/${record.id}/content?purpose=${encodeURIComponent(t('dossier.purpose', { code: d.code }))}`}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={t('dossier.openDocument', { title: name })}
                      >
                        {name}
                      </a>
                      <Typography.Text type="secondary">
                        {record.mimeType} · {fileSize(record.sizeBytes)}
                      </Typography.Text>
                      {c.reused && (
                        <Tag color="blue">
                          {t('dossier.reusedTag')} ({record.digitisedAt?.code})
                        </Tag>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
          {steps.length > 0 && (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('wf.progress')}</h2>}
              data-testid="progress"
            >
              <WorkflowProgress
                steps={steps}
                active={active}
                holdings={d.holdings ?? []}
                user={user}
                dossier={d}
                onBranch={(s) => openOn('complete', s)}
                onAssign={(s) => openOn('assign', s)}
              />
            </Card>
          )}
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossier.timeline')}</h2>}
          >
            {d.holdings && d.holdings.length > 0 && (
              <section aria-labelledby="holders-title" style={{ marginBottom: 16 }}>
                <h3 id="holders-title" style={{ fontSize: 15, margin: '0 0 8px' }}>
                  {t('wf.holders')}
                </h3>
                <HoldingsTable holdings={d.holdings} steps={steps} />
              </section>
            )}
            <HistoryTimeline history={d.history} steps={d.workflow?.steps} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossier.actions')}</h2>}>
            {actions.length === 0 ? (
              <Typography.Paragraph data-testid="no-actions">
                {t('dossier.noActions')}
                {d.currentStep && d.status !== 'RESOLVED' && (
                  <>
                    {' '}
                    {t('dossier.actionsByRole', { step: d.currentStep.name, role: t(`roles.${d.currentStep.role}`) })}
                  </>
                )}
              </Typography.Paragraph>
            ) : (
              <Space wrap>
                {actions.map((a) => (
                  <Button
                    key={a}
                    type={
                      a === 'complete' || a === 'decide' || a === 'accept' || a === 'pickup' || a === 'acceptTransfer'
                        ? 'primary'
                        : 'default'
                    }
                    danger={a === 'stop' || a === 'refuse'}
                    onClick={() => openOn(a, null)}
                  >
                    {labels[a]}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          {d.interAgency && (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('wf.interAgency')}</h2>}
              data-testid="inter-agency"
            >
              <InterAgencyFacts
                transfer={d.interAgency}
                stepName={steps.find((s) => s.code === d.interAgency!.stepCode)?.name}
              />
            </Card>
          )}
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossier.slips')}</h2>}
          >
            <SlipLinks d={d} />
          </Card>
        </Col>
      </Row>
      {open === 'assign' && (
        <AssignModal
          dossier={d}
          steps={about ? [about] : active}
          branchCode={about?.branchCode}
          onClose={() => setOpen(null)}
          onDone={() => refetch()}
        />
      )}
      {open && open !== 'assign' && (
        <ActionModal
          action={open}
          title={labels[open]}
          dossier={d}
          branch={about}
          onClose={() => setOpen(null)}
          onDone={() => refetch()}
        />
      )}
    </>
  );
}

interface ActionValues {
  toStepCode?: string;
  collector?: string;
  collectorId?: string;
  note?: string;
  reason?: string;
  componentCodes?: string[];
  toCentreId?: string;
  decision?: 'APPROVED' | 'REJECTED';
  title?: string;
  documentType?: string;
  file?: File;
  newDueAt?: dayjs.Dayjs;
}

/** One action's form; a refusal by the server is told in words, and the page then shows the dossier as it now is. */
function ActionModal({
  action,
  title,
  dossier: d,
  branch,
  onClose,
  onDone,
}: {
  action: Action;
  title: string;
  dossier: D;
  branch: ActiveStepView | null;
  onClose(): void;
  onDone(): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: centres } = useQuery(Centres, { skip: action !== 'transfer' });
  const [complete] = useMutation(Complete);
  const [supplement] = useMutation(Supplement);
  const [transfer] = useMutation(Transfer);
  const [stop] = useMutation(Stop);
  const [decide] = useMutation(Decide);
  const [apology] = useMutation(Apology);
  const [accept] = useMutation(Accept);
  const [refuse] = useMutation(Refuse);
  const [pickup] = useMutation(Pickup);
  const [sendBack] = useMutation(SendBack);
  const [acceptTransfer] = useMutation(AcceptTransfer);
  const [returnTransfer] = useMutation(ReturnTransfer);
  const targets =
    action === 'sendBack'
      ? sendBackTargets(d.workflow?.steps ?? [], d.activeSteps[0]?.index ?? d.currentStep?.index ?? 0)
      : [];
  const decision = Form.useWatch('decision', form);
  const dossierId = d.id;
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];

  const run = async (v: ActionValues) => {
    setBusy(true);
    setFailure(null);
    try {
      if (action === 'complete')
        await complete({ variables: { dossierId, note: v.note || null, branchCode: branch?.branchCode ?? null } });
      if (action === 'sendBack')
        await sendBack({ variables: { dossierId, toStepCode: v.toStepCode!, reason: v.reason!.trim() } });
      if (action === 'acceptTransfer') await acceptTransfer({ variables: { dossierId, note: v.note || null } });
      if (action === 'returnTransfer') await returnTransfer({ variables: { dossierId, reason: v.reason!.trim() } });
      if (action === 'supplement')
        await supplement({ variables: { dossierId, reason: v.reason!, componentCodes: v.componentCodes ?? [] } });
      if (action === 'transfer')
        await transfer({ variables: { dossierId, toCentreId: v.toCentreId!, reason: v.reason! } });
      if (action === 'stop') await stop({ variables: { dossierId, reason: v.reason! } });
      if (action === 'apology')
        await apology({ variables: { dossierId, reason: v.reason!, newDueAt: v.newDueAt!.toISOString() } });
      if (action === 'accept') await accept({ variables: { dossierId } });
      if (action === 'refuse') await refuse({ variables: { dossierId, reason: v.reason! } });
      if (action === 'pickup')
        await pickup({
          variables: { dossierId, collector: { fullName: v.collector!.trim(), identityNumber: v.collectorId!.trim() } },
        });
      if (action === 'decide') {
        const file = v.file;
        await decide({
          variables: {
            input:
              v.decision === 'APPROVED'
                ? {
                    dossierId,
                    decision: 'APPROVED',
                    reason: v.note || null,
                    result: {
                      documentType: v.documentType!,
                      title: v.title!,
                      upload: {
                        fileName: file!.name,
                        mimeType: file!.type || 'application/pdf',
                        contentBase64: await readBase64(file!),
                      },
                    },
                  }
                : { dossierId, decision: 'REJECTED', reason: v.reason! },
          },
        });
      }
      void message.success(t('dossier.done'));
      await onDone();
      onClose();
    } catch (err) {
      setFailure(explain(t, err));
      if (errorCode(err) === 'CONFLICT') void onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        action === 'complete' && branch
          ? t('wf.branchDoneTitle', { branch: branch.branchName ?? branch.branchCode })
          : action === 'complete' && d.currentStep
            ? t('dossier.completeTitle', { step: d.currentStep.name })
            : action === 'sendBack'
              ? t('wf.sendBackTitle')
              : action === 'acceptTransfer'
                ? t('wf.acceptTitle', { code: d.code })
                : action === 'returnTransfer'
                  ? t('wf.returnTitle', { code: d.code })
                  : title
      }
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'action-form', loading: busy }}
    >
      <Form
        form={form}
        id="action-form"
        layout="vertical"
        onFinish={run}
        scrollToFirstError={{ focus: true }}
        initialValues={{
          decision: 'APPROVED',
          title: d.procedure.name,
          documentType: 'KET_QUA',
          newDueAt: dayjs().tz(ZONE).add(3, 'day').hour(17).minute(0),
        }}
      >
        {(action === 'complete' || action === 'acceptTransfer') && (
          <Form.Item label={t('fields.note')} name="note">
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        )}
        {action === 'sendBack' && (
          <Form.Item
            label={t('wf.sendBackTo')}
            name="toStepCode"
            initialValue={targets.length === 1 ? targets[0].code : undefined}
            rules={[{ required: true, message: t('common.required', { field: t('wf.sendBackTo') }) }]}
          >
            <Radio.Group
              className="wf-targets"
              options={targets.map((s) => ({ value: s.code, label: `${s.name} (${t(`roles.${s.role}`)})` }))}
            />
          </Form.Item>
        )}
        {(action === 'supplement' ||
          action === 'transfer' ||
          action === 'stop' ||
          action === 'refuse' ||
          action === 'apology' ||
          action === 'sendBack' ||
          action === 'returnTransfer') && (
          <Form.Item label={t('fields.reason')} name="reason" rules={required(t('fields.reason'))}>
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        )}
        {action === 'supplement' && (
          <Form.Item
            label={t('fields.components')}
            name="componentCodes"
            rules={[{ required: true, message: t('common.required', { field: t('fields.components') }) }]}
          >
            <Checkbox.Group options={d.procedure.components.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <Form.Item
            label={t('fields.toCentre')}
            name="toCentreId"
            rules={[{ required: true, message: t('common.required', { field: t('fields.toCentre') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(centres?.centres ?? [])
                .filter((c) => c.code !== d.processingCentre?.code)
                .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
            />
          </Form.Item>
        )}
        {action === 'apology' && (
          <Form.Item
            label={t('fields.newDueAt')}
            name="newDueAt"
            rules={[{ required: true, message: t('common.required', { field: t('fields.newDueAt') }) }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        )}
        {action === 'decide' && (
          <>
            <Form.Item label={t('dossier.decide')} name="decision">
              <Radio.Group
                options={[
                  { value: 'APPROVED', label: t('dossier.approve') },
                  { value: 'REJECTED', label: t('dossier.reject') },
                ]}
              />
            </Form.Item>
            {decision === 'REJECTED' ? (
              <Form.Item label={t('fields.reason')} name="reason" rules={required(t('fields.reason'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
            ) : (
              <>
                <Form.Item label={t('fields.resultTitle')} name="title" rules={required(t('fields.resultTitle'))}>
                  <Input />
                </Form.Item>
                <Form.Item
                  label={t('fields.documentType')}
                  name="documentType"
                  rules={required(t('fields.documentType'))}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  label={t('fields.resultFile')}
                  name="file"
                  valuePropName="file"
                  rules={[{ required: true, message: t('common.required', { field: t('fields.resultFile') }) }]}
                  getValueFromEvent={(e: { file: File }) => e.file}
                >
                  <FilePick />
                </Form.Item>
              </>
            )}
          </>
        )}
        {(action === 'accept' || action === 'pickup') && (
          <Typography.Paragraph>
            {title}: {d.code}
          </Typography.Paragraph>
        )}
        {action === 'pickup' && (
          <>
            <Form.Item
              label={t('fields.collector')}
              name="collector"
              initialValue={d.applicant.fullName}
              rules={required(t('fields.collector'))}
            >
              <Input autoFocus />
            </Form.Item>
            <Form.Item label={t('fields.collectorId')} name="collectorId" rules={required(t('fields.collectorId'))}>
              <Input inputMode="numeric" />
            </Form.Item>
          </>
        )}
        {failure && <Alert role="alert" type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}

function FilePick({ file, onChange, id }: { file?: File; onChange?: (e: { file: File }) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Upload
        accept=".pdf,.jpg,.jpeg,.png"
        showUploadList={false}
        beforeUpload={(f) => {
          onChange?.({ file: f });
          return Upload.LIST_IGNORE;
        }}
      >
        <Button id={id}>{t('counter.upload')}</Button>
      </Upload>
      {file && <span>{t('counter.chosenFile', { name: file.name, size: fileSize(file.size) })}</span>}
    </Space>
  );
}
