import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { ReturnsDeskQuery, ReturnsQueue, SatisfactionLevel } from '../gql/graphql';
import { dateTime } from '../format';
import { explain } from '../errors';

const Desk = graphql(`
  query ReturnsDesk($queue: ReturnsQueue!, $first: Int, $offset: Int) {
    returnsDesk(queue: $queue, first: $first, offset: $offset) {
      id code resolvedAt
      procedure { code name }
      applicant { fullName identityNumber }
      delivery { method status trackingNumber readyAt counterFallback postalEvents { status at note } }
    }
  }
`);

const HandOver = graphql(`
  mutation HandOver($dossierId: ID!, $collector: CollectorInput!) {
    confirmPickup(dossierId: $dossierId, collector: $collector) { id status nationalStatusCode delivery { method status collectedBy { fullName } } }
  }
`);

const RateAtCounter = graphql(`
  mutation RateAtCounter($dossierId: ID!, $rating: SatisfactionInput!) {
    rateAtCounter(dossierId: $dossierId, rating: $rating) { dossierId overall takenAtCounter recordedBy }
  }
`);

type Row_ = ReturnsDeskQuery['returnsDesk'][number];

/** The returns desk: results to hand over at the counter, parcels by post, online results. */
export default function Returns() {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<ReturnsQueue>('COUNTER');
  return (
    <>
      <Typography.Title>{t('returns.title')}</Typography.Title>
      <Tabs
        activeKey={queue}
        onChange={(k) => setQueue(k as ReturnsQueue)}
        items={[
          { key: 'COUNTER', label: t('returns.counterTab'), children: <Queue queue="COUNTER" /> },
          { key: 'POST', label: t('returns.postTab'), children: <Queue queue="POST" /> },
          { key: 'ONLINE', label: t('returns.onlineTab'), children: <Queue queue="ONLINE" /> },
        ]}
      />
    </>
  );
}

function Queue({ queue }: { queue: ReturnsQueue }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(Desk, {
    variables: { queue, first: 50, offset: 0 },
    pollInterval: 20_000,
  });
  const [handing, setHanding] = useState<Row_ | null>(null);
  return (
    <>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Table<Row_>
        rowKey="id"
        dataSource={data?.returnsDesk ?? []}
        loading={loading && !data}
        pagination={false}
        scroll={data?.returnsDesk.length ? { x: 800 } : undefined}
        locale={{ emptyText: t('returns.empty') }}
        expandable={
          queue === 'POST'
            ? {
                rowExpandable: (d) => (d.delivery?.postalEvents.length ?? 0) > 0,
                expandedRowRender: (d) => (
                  <Timeline
                    items={(d.delivery?.postalEvents ?? []).map((e, i) => ({
                      key: i,
                      content: `${dateTime(e.at)} — ${t(`delivery.${e.status}`)}${e.note ? ` · ${e.note}` : ''}`,
                    }))}
                  />
                ),
              }
            : undefined
        }
        columns={[
          {
            title: t('fields.dossierCode'),
            key: 'code',
            render: (_, d) => <Link to={`/dossiers/${d.id}`}>{d.code}</Link>,
          },
          { title: t('fields.procedure'), key: 'procedure', render: (_, d) => d.procedure.name },
          {
            title: t('fields.applicant'),
            key: 'applicant',
            render: (_, d) => (
              <>
                {d.applicant.fullName}
                <br />
                <Typography.Text type="secondary">{d.applicant.identityNumber}</Typography.Text>
              </>
            ),
          },
          {
            title: t('returns.readyAt'),
            key: 'ready',
            render: (_, d) => dateTime(d.delivery?.readyAt ?? d.resolvedAt),
          },
          {
            title: t('fields.status'),
            key: 'status',
            render: (_, d) => d.delivery && <Tag>{t(`delivery.${d.delivery.status}`)}</Tag>,
          },
          ...(queue === 'POST'
            ? [
                {
                  title: t('fields.trackingNumber'),
                  key: 'tracking',
                  render: (_: unknown, d: Row_) => d.delivery?.trackingNumber ?? '—',
                },
              ]
            : []),
          ...(queue === 'COUNTER'
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, d: Row_) => (
                    <Button type="primary" onClick={() => setHanding(d)}>
                      {t('returns.handOver')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {handing && <HandOverModal dossier={handing} onClose={() => setHanding(null)} onDone={() => void refetch()} />}
    </>
  );
}

interface HandOverValues {
  collector: string;
  collectorId: string;
  rating?: SatisfactionLevel;
  comment?: string;
}

/**
 * Hand over at the counter: who collected it and their identity number are recorded, the time is
 * the server's; the applicant may give their rating there, which the officer records (rateAtCounter).
 */
function HandOverModal({ dossier: d, onClose, onDone }: { dossier: Row_; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HandOverValues>();
  const [handOver, { loading }] = useMutation(HandOver);
  const [rateAtCounter, { loading: rating }] = useMutation(RateAtCounter);
  const [failure, setFailure] = useState<string | null>(null);
  const [at] = useState(() => new Date().toISOString());
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const run = async (v: HandOverValues) => {
    setFailure(null);
    try {
      await handOver({
        variables: {
          dossierId: d.id,
          collector: { fullName: v.collector.trim(), identityNumber: v.collectorId.trim() },
        },
      });
      void message.success(t('returns.handedOver', { code: d.code }));
      if (v.rating) {
        try {
          await rateAtCounter({
            variables: { dossierId: d.id, rating: { overall: v.rating, comment: v.comment?.trim() || null } },
          });
          void message.success(t('returns.rated'));
        } catch (err) {
          // The result is handed over either way; only the rating is missing, and the officer is told why.
          void message.error(`${t('returns.ratingFailed')} ${explain(t, err)}`);
        }
      }
      onDone();
      onClose();
    } catch (err) {
      setFailure(explain(t, err));
    }
  };
  return (
    <Modal
      open
      title={t('returns.handOverTitle', { code: d.code })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('returns.handOver')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'handover-form', loading: loading || rating }}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'applicant', label: t('fields.applicant'), children: d.applicant.fullName },
          { key: 'procedure', label: t('fields.procedure'), children: d.procedure.name },
          { key: 'at', label: t('fields.collectedAt'), children: dateTime(at) },
        ]}
      />
      <Form
        form={form}
        id="handover-form"
        layout="vertical"
        onFinish={run}
        scrollToFirstError={{ focus: true }}
        initialValues={{ collector: d.applicant.fullName }}
      >
        <Form.Item label={t('fields.collector')} name="collector" rules={required(t('fields.collector'))}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          label={t('fields.collectorId')}
          name="collectorId"
          rules={[
            ...required(t('fields.collectorId')),
            { pattern: /^\s*\d{9,13}\s*$/, message: t('errors.BAD_USER_INPUT') },
          ]}
        >
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item label={t('fields.rating')} name="rating" extra={t('returns.ratingHint')}>
          <Radio.Group
            options={(['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'] as const).map((r) => ({
              value: r,
              label: t(`returns.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('fields.comment')} name="comment" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {failure && <Alert role="alert" type="error" showIcon title={failure} />}
      </Form>
      <Space />
    </Modal>
  );
}
