import { useMemo, useState } from 'react';
import { Alert, Button, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { OfficerInboxQuery } from '../gql/graphql';
import { dateTime } from '../format';
import { explain } from '../errors';
import { useSession } from '../session';
import { DeadlineTag, TimeLeft, deadlineOf, type Deadline } from './deadline';

const OfficerInbox = graphql(`
  query OfficerInbox($first: Int, $offset: Int) {
    inbox(first: $first, offset: $offset) {
      id code status dueAt receivedAt
      procedure { code name }
      applicant { fullName identityNumber }
      currentStep { code name role dueAt }
      sla { state remainingWorkingHours }
    }
  }
`);

const PAGE = 20;
type Row_ = OfficerInboxQuery['inbox'][number];

/** The dossiers waiting for the officer's role at their centre, most urgent first, paged on the server. */
export default function Inbox() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [page, setPage] = useState(0);
  const [procedure, setProcedure] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [deadline, setDeadline] = useState<Deadline | undefined>();
  // One more than a page tells whether a next page exists.
  const { data, loading, error } = useQuery(OfficerInbox, { variables: { first: PAGE + 1, offset: page * PAGE }, pollInterval: 15_000 });
  const rows = useMemo(() => (data?.inbox ?? []).slice(0, PAGE), [data]);
  const hasNext = (data?.inbox.length ?? 0) > PAGE;
  const shown = rows.filter((d) => (!procedure || d.procedure.code === procedure) && (!status || d.status === status) && (!deadline || deadlineOf(d) === deadline));
  const counts = rows.reduce<Record<Deadline, number>>((acc, d) => ({ ...acc, [deadlineOf(d)]: acc[deadlineOf(d)] + 1 }), { ON_TRACK: 0, DUE_SOON: 0, OVERDUE: 0, PAUSED: 0 });
  const procedures = [...new Map(rows.map((d) => [d.procedure.code, d.procedure.name])).entries()];

  return (
    <>
      <Typography.Title>{t('inbox.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {user && t('inbox.subtitle', { role: t(`roles.${user.role}`), centre: user.centre })} · {t('inbox.updated')}
      </Typography.Paragraph>
      <section aria-label={t('inbox.counts')}>
        <Space wrap style={{ marginBottom: 12 }}>
          {(Object.keys(counts) as Deadline[]).map((s) => (
            <span key={s} data-testid={`count-${s}`}><DeadlineTag state={s} /> {counts[s]}</span>
          ))}
        </Space>
      </section>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Select allowClear style={{ width: '100%' }} aria-label={t('inbox.filterProcedure')} placeholder={t('inbox.filterProcedure')} value={procedure} onChange={setProcedure}
            options={procedures.map(([code, name]) => ({ value: code, label: name }))} />
        </Col>
        <Col xs={12} md={8}>
          <Select allowClear style={{ width: '100%' }} aria-label={t('inbox.filterStatus')} placeholder={t('inbox.filterStatus')} value={status} onChange={setStatus}
            options={['RECEIVED', 'PROCESSING'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Col>
        <Col xs={12} md={8}>
          <Select allowClear style={{ width: '100%' }} aria-label={t('inbox.filterDeadline')} placeholder={t('inbox.filterDeadline')} value={deadline} onChange={setDeadline}
            options={(['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'PAUSED'] as const).map((s) => ({ value: s, label: t(`sla.${s}`) }))} />
        </Col>
      </Row>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Table<Row_> rowKey="id" dataSource={shown} loading={loading && !data} pagination={false} scroll={shown.length ? { x: 900 } : undefined} size="middle"
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
      <Space style={{ marginTop: 12 }}>
        <Button disabled={page === 0} onClick={() => setPage(page - 1)}>{t('common.previous')}</Button>
        <span>{t('common.page', { page: page + 1 })}</span>
        <Button disabled={!hasNext} onClick={() => setPage(page + 1)}>{t('common.next')}</Button>
      </Space>
    </>
  );
}
