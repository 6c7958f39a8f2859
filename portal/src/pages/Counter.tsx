import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  QRCode,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type {
  ApplicantLookupQuery,
  DocumentInput,
  RefuseWalkInMutation,
  SubmitAtCounterMutation,
} from '../gql/graphql';
import { dateTime, fileSize, fold } from '../format';
import { explain } from '../errors';
import { useSession } from '../session';
import { AwaitingAcceptance } from './AwaitingAcceptance';
import { ComponentPicker, documentInput, MAX_BYTES, usableRecords, type Choice } from './component-picker';

const CounterData = graphql(`
  query CounterData {
    centres { id code name }
  }
`);

const CentreProcedures = graphql(`
  query CentreProcedures($centreId: ID) {
    procedures(centreId: $centreId) {
      id code name sector feeVnd
      processingTime { amount unit }
      components { code name required documentType }
    }
  }
`);

const ApplicantLookup = graphql(`
  query ApplicantLookup($identityNumber: String!) {
    applicant(identityNumber: $identityNumber) {
      id kind identityNumber fullName phone email address
      records { id documentType title sizeBytes mimeType validUntil reuseCount digitisedAt { id code name } }
    }
  }
`);

const SubmitAtCounter = graphql(`
  mutation SubmitAtCounter($input: SubmitDossierInput!) {
    submitDossier(input: $input) {
      id code status nationalStatusCode receivedAt dueAt receiptUrl
      procedure { code name }
      components { componentCode reused }
    }
  }
`);

const RefuseWalkIn = graphql(`
  mutation RefuseWalkIn($input: RefuseAtCounterInput!) {
    refuseAtCounter(input: $input) { id code status nationalStatusCode submittedAt procedure { code name } applicant { fullName } }
  }
`);

type Record_ = NonNullable<ApplicantLookupQuery['applicant']>['records'][number];
type Receipt = SubmitAtCounterMutation['submitDossier'];
type Refusal = RefuseWalkInMutation['refuseAtCounter'] & { reason: string };

interface FormValues {
  procedureCode: string;
  identityNumber: string;
  fullName: string;
  phone?: string;
  email?: string;
  address?: string;
  docs?: Record<string, Choice<Record_> | undefined>;
  deliveryMethod: 'COUNTER' | 'POST' | 'ONLINE';
  deliveryAddress?: string;
}

/** Reception at the counter: procedure, applicant, components (reuse or upload), delivery, receipt. */
export default function Counter() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data: centres } = useQuery(CounterData);
  const centre = centres?.centres.find((c) => c.code === user?.centre);
  const { data: catalogue } = useQuery(CentreProcedures, { variables: { centreId: centre?.id }, skip: !centre });
  const apollo = useApolloClient();
  const [applicant, setApplicant] = useState<ApplicantLookupQuery['applicant'] | null>(null);
  const [looking, setLooking] = useState(false);
  const lastLookup = useRef('');
  const [submit, { loading: submitting }] = useMutation(SubmitAtCounter);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per reception: a double click, or a retry after a lost answer, yields the same dossier once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const [refuse, { loading: refusingNow }] = useMutation(RefuseWalkIn);
  const [refusing, setRefusing] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [refuseFailure, setRefuseFailure] = useState<string | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const procedureCode = Form.useWatch('procedureCode', form);
  const deliveryMethod = Form.useWatch('deliveryMethod', form);
  const procedure = catalogue?.procedures.find((p) => p.code === procedureCode);

  const onIdentity = async (value: string) => {
    const identityNumber = value.trim();
    if (!/^\d{9,13}$/.test(identityNumber) || identityNumber === lastLookup.current) return;
    lastLookup.current = identityNumber;
    setLooking(true);
    let a: ApplicantLookupQuery['applicant'] = null;
    try {
      a =
        (await apollo.query({ query: ApplicantLookup, variables: { identityNumber }, fetchPolicy: 'network-only' }))
          .data?.applicant ?? null;
    } catch (err) {
      lastLookup.current = '';
      setFailure(explain(t, err));
    } finally {
      setLooking(false);
    }
    if (lastLookup.current !== identityNumber) return;
    setApplicant(a);
    if (a)
      form.setFieldsValue({
        fullName: a.fullName,
        phone: a.phone ?? undefined,
        email: a.email ?? undefined,
        address: a.address ?? undefined,
      });
  };

  const onFinish = async (v: FormValues) => {
    if (!procedure || !centre) return;
    setFailure(null);
    try {
      const documents = await Promise.all(
        procedure.components.flatMap((c): Array<Promise<DocumentInput>> => {
          const choice = v.docs?.[c.code];
          return choice ? [documentInput(c, choice)] : [];
        }),
      );
      const { data } = await submit({
        variables: {
          input: {
            procedureCode: procedure.code,
            centreId: centre.id,
            channel: 'COUNTER',
            applicant: {
              kind: 'CITIZEN',
              identityNumber: v.identityNumber.trim(),
              fullName: v.fullName.trim(),
              phone: v.phone || null,
              email: v.email || null,
              address: v.address || null,
            },
            documents,
            delivery: { method: v.deliveryMethod, address: v.deliveryMethod === 'POST' ? v.deliveryAddress : null },
            idempotencyKey: idempotencyKey.current,
          },
        },
      });
      if (data) setReceipt(data.submitDossier);
    } catch (err) {
      setFailure(explain(t, err));
    }
  };

  /** Refusal at the counter: the procedure and the applicant are needed (for the slip), not the components. */
  const startRefusal = async () => {
    try {
      await form.validateFields(['procedureCode', 'identityNumber', 'fullName']);
    } catch {
      return;
    }
    setRefuseFailure(null);
    setRefusing(true);
  };

  const onRefuse = async ({ reason }: { reason: string }) => {
    if (!procedure || !centre) return;
    const v = form.getFieldsValue();
    setRefuseFailure(null);
    try {
      const { data } = await refuse({
        variables: {
          input: {
            procedureCode: procedure.code,
            centreId: centre.id,
            reason: reason.trim(),
            applicant: {
              kind: 'CITIZEN',
              identityNumber: v.identityNumber.trim(),
              fullName: v.fullName.trim(),
              phone: v.phone || null,
              email: v.email || null,
              address: v.address || null,
            },
            idempotencyKey: idempotencyKey.current,
          },
        },
      });
      if (data) {
        setRefusing(false);
        setRefusal({ ...data.refuseAtCounter, reason: reason.trim() });
      }
    } catch (err) {
      setRefuseFailure(explain(t, err));
    }
  };

  const next = () => {
    setRefusal(null);
    reasonForm.resetFields();
    setReceipt(null);
    setFailure(null);
    setApplicant(null);
    lastLookup.current = '';
    idempotencyKey.current = crypto.randomUUID();
    form.resetFields();
    void message.info(t('counter.newReception'));
  };

  if (receipt) return <ReceiptView receipt={receipt} onNext={next} />;
  if (refusal) return <RefusalView refusal={refusal} onNext={next} />;

  const options = (catalogue?.procedures ?? []).map((p) => ({
    value: p.code,
    label: `${p.name} (${p.code})`,
    search: fold(`${p.name} ${p.code} ${p.sector}`),
  }));

  return (
    <>
      <Typography.Title>{t('counter.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ deliveryMethod: 'COUNTER' }}
            scrollToFirstError={{ focus: true }}
            requiredMark
          >
            <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('fields.procedure')}</h2>} size="small">
              <Form.Item
                label={t('fields.procedure')}
                name="procedureCode"
                extra={t('counter.procedureHint')}
                rules={[{ required: true, message: t('common.required', { field: t('fields.procedure') }) }]}
              >
                <Select
                  showSearch={{ filterOption: (input, option) => !!option?.search.includes(fold(input.trim())) }}
                  options={options}
                  autoFocus
                  placeholder={t('counter.procedureHint')}
                />
              </Form.Item>
              {procedure && (
                <Typography.Text type="secondary">
                  {procedure.sector} · {procedure.feeVnd.toLocaleString('vi-VN')} ₫ ·{' '}
                  {t(`units.${procedure.processingTime.unit}`, { count: procedure.processingTime.amount })}
                </Typography.Text>
              )}
            </Card>
            <Card
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('counter.applicantTitle')}</h2>}
              size="small"
              style={{ marginTop: 12 }}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('fields.identityNumber')}
                    name="identityNumber"
                    rules={[
                      { required: true, message: t('common.required', { field: t('fields.identityNumber') }) },
                      { pattern: /^\s*\d{9,13}\s*$/, message: t('errors.BAD_USER_INPUT') },
                    ]}
                  >
                    <Input
                      inputMode="numeric"
                      autoComplete="off"
                      onBlur={(e) => void onIdentity(e.target.value)}
                      onChange={(e) => {
                        if (e.target.value.trim() !== lastLookup.current) setApplicant(null);
                        if (e.target.value.trim().length === 12) void onIdentity(e.target.value);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('fields.fullName')}
                    name="fullName"
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.required', { field: t('fields.fullName') }),
                      },
                    ]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('fields.phone')} name="phone">
                    <Input inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('fields.email')}
                    name="email"
                    rules={[{ type: 'email', message: t('errors.BAD_USER_INPUT') }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item label={t('fields.address')} name="address">
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <div role="status" aria-live="polite">
                {looking ? (
                  t('counter.lookingUp')
                ) : applicant ? (
                  <Tag color="green">{t('counter.knownApplicant', { name: applicant.fullName })}</Tag>
                ) : null}
              </div>
            </Card>
            {procedure && (
              <Card
                title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('counter.componentsTitle')}</h2>}
                size="small"
                style={{ marginTop: 12 }}
              >
                <Typography.Paragraph type="secondary">
                  {t('counter.uploadLimits', { max: fileSize(MAX_BYTES) })}
                </Typography.Paragraph>
                {procedure.components.map((c) => (
                  <Form.Item
                    key={`${procedure.code}-${c.code}`}
                    name={['docs', c.code]}
                    label={c.name}
                    tooltip={c.required ? t('counter.requiredTag') : t('counter.optionalTag')}
                    rules={c.required ? [{ required: true, message: t('counter.missing', { name: c.name }) }] : []}
                  >
                    <ComponentPicker label={c.name} records={usableRecords(applicant?.records ?? [], c.documentType)} />
                  </Form.Item>
                ))}
              </Card>
            )}
            <Card
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('counter.deliveryTitle')}</h2>}
              size="small"
              style={{ marginTop: 12 }}
            >
              <Form.Item label={t('fields.deliveryMethod')} name="deliveryMethod" rules={[{ required: true }]}>
                <Radio.Group
                  options={(['COUNTER', 'POST', 'ONLINE'] as const).map((m) => ({
                    value: m,
                    label: t(`delivery.${m}`),
                  }))}
                />
              </Form.Item>
              {deliveryMethod === 'POST' && (
                <Form.Item
                  label={t('fields.deliveryAddress')}
                  name="deliveryAddress"
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('common.required', { field: t('fields.deliveryAddress') }),
                    },
                  ]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
              )}
            </Card>
            {failure && <Alert role="alert" type="error" showIcon style={{ marginTop: 12 }} title={failure} />}
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" htmlType="submit" size="large" loading={submitting} disabled={submitting}>
                {submitting ? t('counter.submitting') : t('counter.submit')}
              </Button>
              <Button danger size="large" onClick={() => void startRefusal()} disabled={submitting}>
                {t('counter.refuseWalkIn')}
              </Button>
            </Space>
          </Form>
          <Modal
            open={refusing}
            title={t('counter.refuseWalkInTitle')}
            onCancel={() => setRefusing(false)}
            okText={t('counter.refuseWalkIn')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: refusingNow, htmlType: 'submit', form: 'refuse-walk-in-form' }}
            destroyOnHidden
          >
            <Typography.Paragraph type="secondary">{t('counter.refuseWalkInHint')}</Typography.Paragraph>
            <Form form={reasonForm} id="refuse-walk-in-form" layout="vertical" onFinish={onRefuse}>
              <Form.Item
                label={t('fields.reason')}
                name="reason"
                rules={[
                  { required: true, whitespace: true, message: t('common.required', { field: t('fields.reason') }) },
                ]}
              >
                <Input.TextArea rows={3} autoFocus />
              </Form.Item>
              {refuseFailure && <Alert role="alert" type="error" showIcon title={refuseFailure} />}
            </Form>
          </Modal>
        </Col>
        <Col xs={24} xl={8}>
          <AwaitingAcceptance centreId={centre?.id} />
        </Col>
      </Row>
    </>
  );
}

function ReceiptView({ receipt, onNext }: { receipt: Receipt; onNext(): void }) {
  const { t } = useTranslation();
  const trackUrl = `${window.location.origin}/track?code=${encodeURIComponent(receipt.code)}`;
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => nextButton.current?.focus(), []);
  return (
    <Result
      status="success"
      title={<h1 style={{ fontSize: 24 }}>{t('counter.receiptTitle')}</h1>}
      subTitle={
        <span>
          {t('fields.dossierCode')}: <strong data-testid="dossier-code">{receipt.code}</strong>
        </span>
      }
      extra={[
        <Button key="print" type="primary" onClick={() => window.print()} className="no-print">
          {t('counter.printReceipt')}
        </Button>,
        receipt.receiptUrl ? (
          <a key="system" href={`/intake/receipts/${receipt.id}`} target="_blank" rel="noreferrer" className="no-print">
            {t('counter.printableReceipt')}
          </a>
        ) : null,
        <Button key="next" ref={nextButton} onClick={onNext} className="no-print">
          {t('counter.newReception')}
        </Button>,
      ]}
    >
      <Space wrap size="large" align="start">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'code', label: t('fields.dossierCode'), children: receipt.code },
            { key: 'procedure', label: t('fields.procedure'), children: receipt.procedure.name },
            { key: 'received', label: t('fields.receivedAt'), children: dateTime(receipt.receivedAt) },
            { key: 'due', label: t('counter.receiptDue'), children: <strong>{dateTime(receipt.dueAt)}</strong> },
            {
              key: 'status',
              label: t('fields.status'),
              children: receipt.status ? t(`status.${receipt.status}`) : '—',
            },
          ]}
        />
        <figure style={{ margin: 0, textAlign: 'center' }}>
          <QRCode value={trackUrl} size={140} type="svg" aria-label={t('counter.qr')} />
          <figcaption style={{ fontSize: 12, maxWidth: 180, wordBreak: 'break-all' }}>{trackUrl}</figcaption>
        </figure>
      </Space>
    </Result>
  );
}

/** After a refusal at the counter: the slip (phiếu từ chối tiếp nhận) to print and hand to the applicant. */
function RefusalView({ refusal, onNext }: { refusal: Refusal; onNext(): void }) {
  const { t } = useTranslation();
  const printLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => printLink.current?.focus(), []);
  return (
    <Result
      status="warning"
      title={<h1 style={{ fontSize: 24 }}>{t('counter.refusedWalkInTitle')}</h1>}
      subTitle={
        <span>
          {t('fields.dossierCode')}: <strong data-testid="refused-code">{refusal.code}</strong>
        </span>
      }
      extra={[
        <a
          key="slip"
          ref={printLink}
          href={`/processing/dossiers/${refusal.id}/refusal-slip`}
          target="_blank"
          rel="noreferrer"
          className="ant-btn ant-btn-primary ant-btn-lg no-print"
          style={{ padding: '6px 16px' }}
        >
          {t('counter.printRefusalSlip')}
        </a>,
        <Button key="next" onClick={onNext} size="large" className="no-print">
          {t('counter.newReception')}
        </Button>,
      ]}
    >
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'code', label: t('fields.dossierCode'), children: refusal.code },
          { key: 'procedure', label: t('fields.procedure'), children: refusal.procedure.name },
          { key: 'applicant', label: t('fields.applicant'), children: refusal.applicant.fullName },
          { key: 'reason', label: t('fields.reason'), children: refusal.reason },
          { key: 'status', label: t('fields.status'), children: refusal.status ? t(`status.${refusal.status}`) : '—' },
        ]}
      />
    </Result>
  );
}
