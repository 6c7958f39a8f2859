import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { MyDossiersQuery, MyRecordsQuery } from '../gql/graphql';
import { dateTime, fileSize } from '../format';
import { errorCode, explain } from '../errors';
import { Guard } from '../Guard';
import { useSession } from '../session';
import { DeadlineTag, deadlineOf } from './deadline';
import { HistoryTimeline, SlipLinks } from './dossier-parts';
import { ComponentPicker, documentInput, usableRecords, type Choice } from './component-picker';

const MyDossiers = graphql(`
  query MyDossiers {
    myDossiers {
      id code status nationalStatusCode channel submittedAt receivedAt dueAt resolvedAt
      procedure { code name components { code name required documentType } }
      receivingCentre { id code name }
      history { action actor actorRole at note stepCode stepOutcome }
      apologies { reason newDueAt issuedAt }
      components { componentCode reused supplement record { id title mimeType sizeBytes } }
      decision
      result { id title fileName }
      delivery { method status downloadUrl trackingNumber rating { overall comment ratedAt } }
      outcome
    }
  }
`);

const MyRecords = graphql(`
  query MyRecords($identityNumber: String!) {
    applicant(identityNumber: $identityNumber) {
      id
      records { id documentType title sizeBytes mimeType validUntil reuseCount createdAt digitisedAt { id code name } sourceDossier { id code } }
    }
    centres { id code name }
  }
`);

const AccessLog = graphql(`
  query MyRecordAccessLog($recordId: ID!) {
    recordAccessLog(recordId: $recordId) { readerId readerName readerRole readerCentre purpose at dossier { id code } }
  }
`);

const SubmitSupplement = graphql(`
  mutation SupplementOnline($dossierId: ID!, $documents: [DocumentInput!]!) {
    submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }
  }
`);

const RateService = graphql(`
  mutation RateOnline($dossierId: ID!, $rating: SatisfactionInput!) {
    rateService(dossierId: $dossierId, rating: $rating) { dossierId overall comment ratedAt }
  }
`);

type D = MyDossiersQuery['myDossiers'][number];
type Rec = NonNullable<MyRecordsQuery['applicant']>['records'][number];
const h2 = { margin: 0, fontSize: 16 } as const;
const RETURNED = ['PICKED_UP', 'DELIVERED', 'DOWNLOADED'];

/** The citizen's own dossiers and digitised records (/me). */
export default function Me() {
  const { t } = useTranslation();
  return (
    <Guard roles={['CITIZEN']} page={t('nav.me')} signInText={t('me.lead')}>
      <MyPage />
    </Guard>
  );
}

function MyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, loading, error, refetch } = useQuery(MyDossiers, { pollInterval: 20_000 });
  const identityNumber = user?.identityNumber ?? '';
  const records = useQuery(MyRecords, { variables: { identityNumber }, skip: !identityNumber });
  const dossiers = data?.myDossiers ?? [];
  return (
    <>
      <Typography.Title>{t('me.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('me.lead')}</Typography.Text>
        <Link to="/me/submit">
          <Button type="primary">{t('me.submitNew')}</Button>
        </Link>
      </Space>
      <section aria-labelledby="my-dossiers">
        <Typography.Title level={2} id="my-dossiers" style={{ fontSize: 20 }}>
          {t('me.dossiers')}
        </Typography.Title>
        {/* a failed refresh keeps what was shown; only a page with nothing to show says so */}
        {error && !data && <Alert type="error" showIcon title={explain(t, error)} />}
        {loading && !data ? (
          <div role="status" aria-label={t('common.loading')}>
            <Spin />
          </div>
        ) : dossiers.length === 0 ? (
          <Typography.Paragraph>{t('me.empty')}</Typography.Paragraph>
        ) : (
          <Collapse
            defaultActiveKey={[dossiers[0].id]}
            items={dossiers.map((d) => ({
              key: d.id,
              label: (
                <Space wrap size={4}>
                  <strong data-testid="my-dossier-code">{d.code}</strong>
                  <span>{d.procedure.name}</span>
                  {d.status && (
                    <Tag color="blue" data-testid="my-dossier-status">
                      {t(`status.${d.status}`)}
                    </Tag>
                  )}
                </Space>
              ),
              children: (
                <MyDossier
                  d={d}
                  records={records.data?.applicant?.records ?? []}
                  onChange={() => Promise.all([refetch(), records.refetch()])}
                />
              ),
            }))}
          />
        )}
      </section>
      <section aria-labelledby="my-records" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="my-records" style={{ fontSize: 20 }}>
          {t('me.records.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('me.records.lead')}</Typography.Paragraph>
        {records.error && <Alert type="error" showIcon title={explain(t, records.error)} />}
        <MyRecordList
          records={records.data?.applicant?.records ?? []}
          centres={records.data?.centres ?? []}
          loading={records.loading && !records.data}
        />
      </section>
    </>
  );
}

/** One dossier: where it stands and what comes next, what the citizen can do now, then its papers and progress. */
function MyDossier({ d, records, onChange }: { d: D; records: Rec[]; onChange(): Promise<unknown> }) {
  const { t } = useTranslation();
  const open =
    d.status !== 'RESOLVED' &&
    d.status !== 'RETURNED' &&
    d.status !== 'NOT_ACCEPTED' &&
    d.status !== 'WITHDRAWN' &&
    d.status !== 'STOPPED';
  const nameOf = (code: string) => d.procedure.components.find((c) => c.code === code)?.name ?? code;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={d.status === 'SUPPLEMENT_REQUESTED' ? 'warning' : d.status === 'NOT_ACCEPTED' ? 'error' : 'info'}
        showIcon
        data-testid="what-next"
        title={t(`me.next.${d.status ?? 'UNKNOWN'}`, { due: dateTime(d.dueAt) })}
      />
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          {
            key: 'status',
            label: t('fields.status'),
            children: (
              <Space wrap size={4}>
                {d.status ? t(`status.${d.status}`) : '—'}
                {open && d.status !== 'NEW' && <DeadlineTag state={deadlineOf(d)} />}
              </Space>
            ),
          },
          { key: 'centre', label: t('fields.receivingCentre'), children: d.receivingCentre.name },
          { key: 'submitted', label: t('me.submittedAt'), children: dateTime(d.submittedAt) },
          {
            key: 'received',
            label: t('fields.receivedAt'),
            children: d.receivedAt ? dateTime(d.receivedAt) : t('me.notYet'),
          },
          { key: 'due', label: t('fields.dueAt'), children: d.dueAt ? <strong>{dateTime(d.dueAt)}</strong> : '—' },
          { key: 'channel', label: t('fields.channel'), children: t(`channel.${d.channel}`) },
          ...(d.delivery
            ? [
                {
                  key: 'delivery',
                  label: t('fields.deliveryMethod'),
                  children: `${t(`delivery.${d.delivery.method}`)} · ${t(`delivery.${d.delivery.status}`)}${d.delivery.trackingNumber ? ` · ${d.delivery.trackingNumber}` : ''}`,
                },
              ]
            : []),
          ...(d.resolvedAt
            ? [{ key: 'resolved', label: t('fields.resolvedAt'), children: dateTime(d.resolvedAt) }]
            : []),
          ...(d.outcome
            ? [{ key: 'outcome', label: t('me.outcome'), children: t(`dossier.outcome.${d.outcome}`) }]
            : []),
        ]}
      />
      {d.status === 'SUPPLEMENT_REQUESTED' && (
        <SupplementForm d={d} records={records} nameOf={nameOf} onDone={onChange} />
      )}
      {(d.decision || d.delivery?.downloadUrl) && (
        <Card size="small" title={<h3 style={h2}>{t('me.result')}</h3>}>
          <Space orientation="vertical">
            {d.decision && (
              <span>
                {t(`dossier.decision.${d.decision}`)}
                {d.result ? ` — ${d.result.title}` : ''}
              </span>
            )}
            {d.delivery?.downloadUrl && (
              <>
                <Button
                  type="primary"
                  href={d.delivery.downloadUrl}
                  download
                  data-testid="download-result"
                  onClick={() => setTimeout(() => void onChange(), 1500)}
                >
                  {t('me.download')}
                </Button>
                <Typography.Text type="secondary">{t('me.downloadHint')}</Typography.Text>
              </>
            )}
          </Space>
        </Card>
      )}
      {d.delivery && (d.decision || d.delivery.rating) && <Rating d={d} onDone={onChange} />}
      <Card size="small" title={<h3 style={h2}>{t('me.documents')}</h3>}>
        <List
          size="small"
          dataSource={d.components}
          locale={{ emptyText: t('common.none') }}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                {c.record ? (
                  <a
                    href={`/intake/records/${c.record.id}/content?purpose=${encodeURIComponent(t('me.records.purposeOwn'))}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {nameOf(c.componentCode)}
                  </a>
                ) : (
                  nameOf(c.componentCode)
                )}
                {c.record && (
                  <Typography.Text type="secondary">
                    {c.record.mimeType} · {fileSize(c.record.sizeBytes)}
                  </Typography.Text>
                )}
                {c.reused && <Tag color="blue">{t('dossier.reusedTag')}</Tag>}
                {c.supplement && <Tag>{t('history.SUBMIT_SUPPLEMENT')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={<h3 style={h2}>{t('me.timeline')}</h3>}>
        <HistoryTimeline history={d.history} />
      </Card>
      <Card size="small" title={<h3 style={h2}>{t('me.slips')}</h3>}>
        <Space wrap size="large">
          <SlipLinks d={d} />
          <Link to={`/dossiers/${d.id}`}>{t('me.openFull', { code: d.code })}</Link>
        </Space>
      </Card>
    </Space>
  );
}

/** The last supplementation request: its reason and the components asked for (the control slip's line "reason [codes]"). */
function lastRequest(d: D): { reason: string; codes: string[] } {
  const line = [...d.history].reverse().find((h) => h.action === 'REQUEST_SUPPLEMENT');
  const match = line?.note?.match(/^([\s\S]*) \[([^\]]*)\]$/);
  if (!match) return { reason: line?.note ?? '', codes: d.procedure.components.map((c) => c.code) };
  const codes = match[2]
    .split(',')
    .map((c) => c.trim())
    .filter((c) => d.procedure.components.some((p) => p.code === c));
  return { reason: match[1], codes: codes.length ? codes : d.procedure.components.map((c) => c.code) };
}

/** Answers a supplementation request online: a file, or a digitised record, for each component asked for. */
function SupplementForm({
  d,
  records,
  nameOf,
  onDone,
}: {
  d: D;
  records: Rec[];
  nameOf(code: string): string;
  onDone(): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ docs: Record<string, Choice | undefined> }>();
  const [submit, { loading }] = useMutation(SubmitSupplement);
  const [failure, setFailure] = useState<string | null>(null);
  const request = lastRequest(d);
  const onFinish = async (v: { docs?: Record<string, Choice | undefined> }) => {
    setFailure(null);
    try {
      const documents = await Promise.all(
        request.codes.flatMap((code) => {
          const choice = v.docs?.[code];
          return choice ? [documentInput({ code, name: nameOf(code) }, choice)] : [];
        }),
      );
      await submit({ variables: { dossierId: d.id, documents } });
      void message.success(t('me.supplement.done'));
      await onDone();
    } catch (err) {
      setFailure(explain(t, err));
      if (errorCode(err) === 'CONFLICT') void onDone();
    }
  };
  return (
    <Card size="small" title={<h3 style={h2}>{t('me.supplement.title')}</h3>} data-testid="supplement-form">
      {request.reason && (
        <Typography.Paragraph>{t('me.supplement.reason', { reason: request.reason })}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError={{ focus: true }}
        aria-label={t('me.supplement.title')}
      >
        {request.codes.map((code) => {
          const component = d.procedure.components.find((c) => c.code === code);
          return (
            <Form.Item
              key={code}
              name={['docs', code]}
              label={nameOf(code)}
              rules={[{ required: true, message: t('me.supplement.missing', { name: nameOf(code) }) }]}
            >
              <ComponentPicker records={component ? usableRecords(records, component.documentType) : []} />
            </Form.Item>
          );
        })}
        {failure && <Alert role="alert" type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('me.supplement.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The applicant's rating, once the result was returned; once per dossier. */
function Rating({ d, onDone }: { d: D; onDone(): Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rate, { loading }] = useMutation(RateService);
  const [failure, setFailure] = useState<string | null>(null);
  const rating = d.delivery?.rating;
  const returned = RETURNED.includes(d.delivery?.status ?? '');
  const onFinish = async (v: { overall: 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED'; comment?: string }) => {
    setFailure(null);
    try {
      await rate({
        variables: { dossierId: d.id, rating: { overall: v.overall, comment: v.comment?.trim() || null } },
      });
      void message.success(t('me.rating.done'));
      await onDone();
    } catch (err) {
      setFailure(explain(t, err));
      void onDone();
    }
  };
  return (
    <Card size="small" title={<h3 style={h2}>{t('me.rating.title')}</h3>} data-testid="rating">
      {rating ? (
        <Typography.Paragraph role="status">
          {t('me.rating.given', { overall: t(`returns.${rating.overall}`), at: dateTime(rating.ratedAt) })}
        </Typography.Paragraph>
      ) : !returned ? (
        <Typography.Paragraph type="secondary">{t('me.rating.onlyAfter')}</Typography.Paragraph>
      ) : (
        <Form layout="vertical" onFinish={onFinish} aria-label={t('me.rating.title')}>
          <Form.Item
            name="overall"
            label={t('me.rating.question')}
            rules={[{ required: true, message: t('common.required', { field: t('fields.rating') }) }]}
          >
            <Radio.Group
              options={(['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'] as const).map((o) => ({
                value: o,
                label: t(`returns.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="comment" label={t('me.rating.comment')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {failure && <Alert role="alert" type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('me.rating.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** My digitised records, each with who read it, when and at which centre. */
function MyRecordList({
  records,
  centres,
  loading,
}: {
  records: Rec[];
  centres: Array<{ code: string; name: string }>;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  if (loading)
    return (
      <div role="status" aria-label={t('common.loading')}>
        <Spin />
      </div>
    );
  if (records.length === 0) return <Typography.Paragraph>{t('me.records.empty')}</Typography.Paragraph>;
  return (
    <List
      dataSource={records}
      renderItem={(r) => (
        <List.Item data-testid="my-record">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <strong>{r.title}</strong>
              <Tag>{r.documentType}</Tag>
              <Typography.Text type="secondary">
                {r.mimeType} · {fileSize(r.sizeBytes)}
              </Typography.Text>
            </Space>
            <Typography.Text>
              {t('me.records.digitisedAt')}: {r.digitisedAt?.name ?? '—'}
              {r.sourceDossier ? ` (${r.sourceDossier.code})` : ''} · {dateTime(r.createdAt)} ·{' '}
              {t('me.records.validUntil')}: {r.validUntil ?? t('me.records.noExpiry')} · {t('me.records.reuses')}:{' '}
              {r.reuseCount}
            </Typography.Text>
            <Space wrap>
              <a
                href={`/intake/records/${r.id}/content?purpose=${encodeURIComponent(t('me.records.purposeOwn'))}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('me.records.open')} «{r.title}»
              </a>
              <Button
                size="small"
                aria-expanded={shown === r.id}
                onClick={() => setShown(shown === r.id ? null : r.id)}
              >
                {shown === r.id
                  ? t('me.records.hideLog', { title: r.title })
                  : t('me.records.showLog', { title: r.title })}
              </Button>
            </Space>
            {shown === r.id && <AccessLogTable recordId={r.id} centres={centres} />}
          </Space>
        </List.Item>
      )}
    />
  );
}

function AccessLogTable({ recordId, centres }: { recordId: string; centres: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  // asked afresh each time it is opened: a reading a minute ago is in it
  const { data, loading, error } = useQuery(AccessLog, { variables: { recordId }, fetchPolicy: 'network-only' });
  if (error) return <Alert type="error" showIcon title={explain(t, error)} />;
  const rows = data?.recordAccessLog ?? [];
  return (
    <Table
      size="small"
      loading={loading}
      rowKey={(_, i) => String(i)}
      pagination={false}
      data-testid="access-log"
      caption={t('me.records.log')}
      locale={{ emptyText: t('me.records.logEmpty') }}
      dataSource={rows}
      columns={[
        { title: t('me.records.at'), dataIndex: 'at', render: (v: string) => dateTime(v) },
        {
          title: t('me.records.reader'),
          key: 'reader',
          render: (_, a) =>
            a.readerCentre
              ? `${a.readerName} (${t(`roles.${a.readerRole}`, { defaultValue: a.readerRole })})`
              : t('me.records.you'),
        },
        {
          title: t('me.records.centre'),
          key: 'centre',
          render: (_, a) =>
            a.readerCentre ? (centres.find((c) => c.code === a.readerCentre)?.name ?? a.readerCentre) : '—',
        },
        {
          title: t('me.records.purpose'),
          key: 'purpose',
          render: (_, a) => `${a.purpose}${a.dossier ? ` (${a.dossier.code})` : ''}`,
        },
      ]}
    />
  );
}
