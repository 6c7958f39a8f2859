import { useState } from 'react';
import { Alert, Button, Card, Col, Grid, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DeadlineState, DossierStatus, OfficerInboxPageQuery } from '../gql/graphql';
import { dateTime } from '../format';
import { explain } from '../errors';
import { useSession } from '../session';
import { DeadlineTag, TimeLeft, deadlineOf, type Deadline } from './deadline';

const OfficerInboxPage = graphql(`
  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {
    inboxPage(filter: $filter, first: $first, offset: $offset) {
      total
      counts { onTrack dueSoon overdue paused }
      items {
        id code status dueAt receivedAt
        procedure { code name }
        applicant { fullName identityNumber }
        currentStep { code name role dueAt }
        sla { state remainingWorkingHours }
      }
    }
  }
`);

const InboxProcedures = graphql(`
  query InboxProcedures { procedures { code name } }
`);

const PAGE = 20;
type Row_ = OfficerInboxPageQuery['inboxPage']['items'][number];
const STATES: Deadline[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'PAUSED'];
const COUNT_KEY = { ON_TRACK: 'onTrack', DUE_SOON: 'dueSoon', OVERDUE: 'overdue', PAUSED: 'paused' } as const;

/**
 * The dossiers waiting for the officer's role at their centre, most urgent first. Filters, the
 * total and the count per deadline state are the server's (inboxPage), over the whole centre; on a
 * narrow screen each dossier is a card instead of a table row.
 */
export default function Inbox() {
  const { t } = useTranslation();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [page, setPage] = useState(0);
  const [procedure, setProcedure] = useState<string | undefined>();
  const [status, setStatus] = useState<DossierStatus | undefined>();
  const [deadline, setDeadline] = useState<DeadlineState | undefined>();
  const filter = { procedureCode: procedure ?? null, status: status ?? null, deadline: deadline ?? null };
  const { data, previousData, loading, error } = useQuery(OfficerInboxPage, { variables: { filter, first: PAGE, offset: page * PAGE }, pollInterval: 15_000 });
  const { data: catalogue } = useQuery(InboxProcedures);
  const shown = data ?? previousData;
  const rows = shown?.inboxPage.items ?? [];
  const total = shown?.inboxPage.total ?? 0;
  const counts = shown?.inboxPage.counts;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const refilter = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(0); };

  return (
    <>
      <Typography.Title>{t('inbox.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {user && t('inbox.subtitle', { role: t(`roles.${user.role}`), centre: user.centre })} · {t('inbox.updated')}
      </Typography.Paragraph>
      <section aria-label={t('inbox.counts')}>
        <Space wrap style={{ marginBottom: 12 }}>
          {STATES.map((s) => (
            <Button key={s} size="small" type={deadline === s ? 'primary' : 'default'} aria-pressed={deadline === s} data-testid={`count-${s}`}
              onClick={() => refilter(setDeadline)(deadline === s ? undefined : s)}>
              <DeadlineTag state={s} /> {counts ? counts[COUNT_KEY[s]].toLocaleString('vi-VN') : '…'}
            </Button>
          ))}
        </Space>
      </section>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} aria-label={t('inbox.filterProcedure')} placeholder={t('inbox.filterProcedure')}
            value={procedure} onChange={refilter(setProcedure)}
            options={(catalogue?.procedures ?? []).map((p) => ({ value: p.code, label: p.name }))} />
        </Col>
        <Col xs={12} md={8}>
          <Select allowClear style={{ width: '100%' }} aria-label={t('inbox.filterStatus')} placeholder={t('inbox.filterStatus')} value={status} onChange={refilter(setStatus)}
            options={(['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Col>
        <Col xs={12} md={8}>
          <Select allowClear style={{ width: '100%' }} aria-label={t('inbox.filterDeadline')} placeholder={t('inbox.filterDeadline')} value={deadline} onChange={refilter(setDeadline)}
            options={STATES.map((s) => ({ value: s, label: t(`sla.${s}`) }))} />
        </Col>
      </Row>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Typography.Paragraph data-testid="inbox-total" aria-live="polite">{t('inbox.total', { count: total, shown: total.toLocaleString('vi-VN') })}</Typography.Paragraph>
      {narrow ? (
        <List<Row_> dataSource={rows} loading={loading && !shown} locale={{ emptyText: t('inbox.empty') }} data-testid="inbox-cards"
          renderItem={(d) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} title={<Link to={`/dossiers/${d.id}`}>{d.code}</Link>} extra={<DeadlineTag state={deadlineOf(d)} />}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{d.procedure.name}</Typography.Paragraph>
                <Typography.Text type="secondary">{d.applicant.fullName} · {d.applicant.identityNumber}</Typography.Text>
                <dl className="inbox-card-facts">
                  <dt>{t('fields.step')}</dt><dd>{d.currentStep?.name ?? '—'}</dd>
                  <dt>{t('fields.dueAt')}</dt><dd>{dateTime(d.dueAt)}</dd>
                  <dt>{t('fields.timeLeft')}</dt><dd><TimeLeft hours={d.sla?.remainingWorkingHours} /></dd>
                  <dt>{t('fields.status')}</dt><dd>{d.status ? t(`status.${d.status}`) : '—'}</dd>
                </dl>
              </Card>
            </List.Item>
          )} />
      ) : (
        <Table<Row_> rowKey="id" dataSource={rows} loading={loading && !shown} pagination={false} scroll={rows.length ? { x: 900 } : undefined} size="middle"
          locale={{ emptyText: t('inbox.empty') }}
          columns={[
            { title: t('fields.dossierCode'), key: 'code', render: (_, d) => <Link to={`/dossiers/${d.id}`}>{d.code}</Link> },
            { title: t('fields.procedure'), key: 'procedure', render: (_, d) => d.procedure.name },
            { title: t('fields.applicant'), key: 'applicant', render: (_, d) => <>{d.applicant.fullName}<br /><Typography.Text type="secondary">{d.applicant.identityNumber}</Typography.Text></> },
            { title: t('fields.step'), key: 'step', render: (_, d) => d.currentStep?.name ?? '—' },
            { title: t('fields.receivedAt'), key: 'received', render: (_, d) => dateTime(d.receivedAt) },
            { title: t('fields.dueAt'), key: 'due', render: (_, d) => dateTime(d.dueAt) },
            { title: t('fields.timeLeft'), key: 'left', render: (_, d) => <TimeLeft hours={d.sla?.remainingWorkingHours} /> },
            { title: t('fields.deadline'), key: 'deadline', render: (_, d) => <DeadlineTag state={deadlineOf(d)} /> },
            { title: t('fields.status'), key: 'status', render: (_, d) => (d.status ? <Tag>{t(`status.${d.status}`)}</Tag> : '—') },
          ]} />
      )}
      <Space style={{ marginTop: 12 }} wrap>
        <Button disabled={page === 0} onClick={() => setPage(page - 1)}>{t('common.previous')}</Button>
        <span>{t('inbox.pageOf', { page: page + 1, pages })}</span>
        <Button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('common.next')}</Button>
      </Space>
    </>
  );
}
