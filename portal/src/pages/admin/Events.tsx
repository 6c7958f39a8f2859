import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AdminFailedEventsQuery, AdminFailedNotificationsQuery, EventSubscriber } from '../../gql/graphql';
import { explain } from '../../errors';
import { dateTime } from '../../format';

const FailedNotifications = graphql(`
  query AdminFailedNotifications($includeNotSent: Boolean) {
    failedNotifications(limit: 200, includeNotSent: $includeNotSent) { id dossierCode dossier { id } kind channel status recipient attempts lastError createdAt }
  }
`);
const Resend = graphql(`
  mutation AdminResendNotification($id: ID!) { resendNotification(id: $id) { id status } }
`);
const FailedEvents = graphql(`
  query AdminFailedEvents($service: EventSubscriber) { failedEvents(service: $service, limit: 200) { id service type aggregateId occurredAt attempts error failedAt payload } }
`);
const Replay = graphql(`
  mutation AdminReplayEvents($service: EventSubscriber!, $eventIds: [ID!]) { replayFailedEvents(service: $service, eventIds: $eventIds) }
`);

type Notification = AdminFailedNotificationsQuery['failedNotifications'][number];
type FailedEvent = AdminFailedEventsQuery['failedEvents'][number];
const SERVICES: EventSubscriber[] = ['INTAKE', 'PROCESSING', 'DELIVERY', 'STATISTICS'];

/** Failed notifications (resend) and failed events (replay), with the way to the queue dashboard. */
export default function Events() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title>{t('admin.events.title')}</Typography.Title>
      <Typography.Paragraph>{t('admin.events.lead')}</Typography.Paragraph>
      <Typography.Paragraph>
        {/* The gateway serves the dashboard itself: a full page load, not a route of the portal. */}
        <a href="/admin/queues/" target="_blank" rel="noopener" style={{ textDecoration: 'underline' }}>
          {t('admin.events.queues')}
        </a>{' '}
        {t('admin.events.queuesHint')}
      </Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Notifications />
        <Events_ />
      </Space>
    </>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [includeNotSent, setIncludeNotSent] = useState(false);
  const { data, loading, error, refetch } = useQuery(FailedNotifications, {
    variables: { includeNotSent },
    pollInterval: 15_000,
  });
  const [resend, { error: resendError }] = useMutation(Resend);
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <Card title={<h2 className="card-title">{t('admin.events.notifications')}</h2>}>
      <Checkbox
        checked={includeNotSent}
        onChange={(e) => setIncludeNotSent(e.target.checked)}
        style={{ marginBottom: 8 }}
      >
        {t('admin.events.includeNotSent')}
      </Checkbox>
      {(error ?? resendError) && (
        <Alert type="error" showIcon title={explain(t, error ?? resendError)} style={{ marginBottom: 8 }} />
      )}
      <Table<Notification>
        rowKey="id"
        size="small"
        dataSource={data?.failedNotifications ?? []}
        loading={loading && !data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={data?.failedNotifications.length ? { x: 900 } : undefined}
        locale={{ emptyText: t('admin.events.noNotifications') }}
        columns={[
          {
            title: t('admin.events.dossier'),
            render: (_, n) => <Link to={`/dossiers/${n.dossier.id}`}>{n.dossierCode}</Link>,
          },
          { title: t('admin.events.kind'), render: (_, n) => t(`admin.events.kinds.${n.kind}`) },
          { title: t('admin.events.channel'), render: (_, n) => t(`admin.events.channels.${n.channel}`) },
          { title: t('admin.events.status'), render: (_, n) => t(`admin.events.statuses.${n.status}`) },
          { title: t('admin.events.recipient'), dataIndex: 'recipient' },
          { title: t('admin.events.attempts'), dataIndex: 'attempts' },
          { title: t('admin.events.error'), dataIndex: 'lastError' },
          { title: t('admin.events.createdAt'), render: (_, n) => dateTime(n.createdAt) },
          {
            title: '',
            render: (_, n) => (
              <Button
                size="small"
                loading={busy === n.id}
                aria-label={`${t('admin.events.resend')} ${n.dossierCode} ${t(`admin.events.channels.${n.channel}`)}`}
                onClick={async () => {
                  setBusy(n.id);
                  const res = await resend({ variables: { id: n.id } }).catch(() => null);
                  setBusy(null);
                  if (res?.data) {
                    void message.success(t('admin.events.resent'));
                    void refetch();
                  }
                }}
              >
                {t('admin.events.resend')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Events_() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [service, setService] = useState<EventSubscriber | ''>('');
  const { data, loading, error, refetch } = useQuery(FailedEvents, {
    variables: { service: service || null },
    pollInterval: 15_000,
  });
  const [replay, { error: replayError }] = useMutation(Replay);
  const run = async (target: EventSubscriber, eventIds?: string[]) => {
    const res = await replay({ variables: { service: target, eventIds: eventIds ?? null } }).catch(() => null);
    if (res?.data) {
      void message.success(t('admin.events.replayed', { count: res.data.replayFailedEvents }));
      void refetch();
    }
  };
  return (
    <Card title={<h2 className="card-title">{t('admin.events.failedEvents')}</h2>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="admin-event-service">{t('admin.events.service')}</label>
        <Select
          id="admin-event-service"
          value={service}
          onChange={setService}
          style={{ minWidth: 180 }}
          options={[
            { value: '', label: t('admin.events.allServices') },
            ...SERVICES.map((s) => ({ value: s, label: t(`admin.events.serviceNames.${s}`) })),
          ]}
        />
        {service && !!data?.failedEvents.length && (
          <Button onClick={() => void run(service)}>{t('admin.events.replayAll')}</Button>
        )}
      </Space>
      {(error ?? replayError) && (
        <Alert type="error" showIcon title={explain(t, error ?? replayError)} style={{ marginBottom: 8 }} />
      )}
      <Table<FailedEvent>
        rowKey={(e) => `${e.service}:${e.id}`}
        size="small"
        dataSource={data?.failedEvents ?? []}
        loading={loading && !data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={data?.failedEvents.length ? { x: 900 } : undefined}
        locale={{ emptyText: t('admin.events.noEvents') }}
        expandable={{
          expandedRowRender: (e) => (
            <>
              <strong>{t('admin.events.payload')}</strong>
              <pre className="admin-payload">{e.payload}</pre>
            </>
          ),
        }}
        columns={[
          { title: t('admin.events.service'), render: (_, e) => t(`admin.events.serviceNames.${e.service}`) },
          { title: t('admin.events.type'), dataIndex: 'type' },
          { title: t('admin.events.aggregate'), dataIndex: 'aggregateId' },
          { title: t('admin.events.attempts'), dataIndex: 'attempts' },
          { title: t('admin.events.error'), dataIndex: 'error' },
          { title: t('admin.events.failedAt'), render: (_, e) => dateTime(e.failedAt) },
          {
            title: '',
            render: (_, e) => (
              <Button
                size="small"
                aria-label={`${t('admin.events.replay')} ${e.type} ${e.id}`}
                onClick={() => void run(e.service, [e.id])}
              >
                {t('admin.events.replay')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
