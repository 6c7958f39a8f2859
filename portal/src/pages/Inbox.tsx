import { useState } from 'react';
import { Alert, Button, Card, Col, Grid, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DeadlineState, DossierStatus, InboxRowFragment } from '../gql/graphql';
import { dateTime } from '../format';
import { explain } from '../errors';
import { useSession } from '../session';
import { DeadlineTag, TimeLeft, deadlineOf, type Deadline } from './deadline';
import { AssignModal, stepLabel } from './workflow-parts';

const InboxRow = graphql(`
  fragment InboxRow on Dossier {
    id code status dueAt receivedAt
    procedure { code name }
    applicant { fullName identityNumber }
    processingCentre { id code }
    currentStep { code name role dueAt }
    activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } }
    assignee { id name }
    sla { state remainingWorkingHours }
  }
`);

const OfficerInboxPage = graphql(`
  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {
    inboxPage(filter: $filter, first: $first, offset: $offset) {
      total
      counts { onTrack dueSoon overdue paused }
      items { ...InboxRow }
    }
  }
`);

const OfficerMyDossiers = graphql(`
  query OfficerMyDossiers($first: Int, $offset: Int) { myAssignedDossiers(first: $first, offset: $offset) { ...InboxRow } }
`);

const InboxProcedures = graphql(`
  query InboxProcedures { procedures { code name } }
`);

const PAGE = 20;
type Row_ = InboxRowFragment;
void InboxRow; // spread by the two queries above; the constant keeps the fragment in this module's documents
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
  const [params] = useSearchParams();
  // "My dossiers" is for the officers a step can be assigned to (hồ sơ của tôi); /inbox?view=mine deep-links it.
  const assignable = !!user && ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'].includes(user.role);
  const mine = assignable && params.get('view') === 'mine';
  return (
    <>
      <Typography.Title>{mine ? t('wf.mine') : t('inbox.title')}</Typography.Title>
      {assignable && (
        <nav aria-label={t('wf.views')} className="wf-views">
          <ul>
            <li>
              <Link to="/inbox" aria-current={mine ? undefined : 'page'}>
                {t('inbox.title')}
              </Link>
            </li>
            <li>
              <Link to="/inbox?view=mine" aria-current={mine ? 'page' : undefined}>
                {t('wf.mine')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
      {mine ? <Mine /> : <Waiting />}
    </>
  );
}

/** The dossiers assigned to the signed-in officer, most urgent first (the server's order); paged by asking one more than a page. */
function Mine() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const { data, previousData, loading, error, refetch } = useQuery(OfficerMyDossiers, {
    variables: { first: PAGE + 1, offset: page * PAGE },
    pollInterval: 15_000,
  });
  const shown = data ?? previousData;
  const rows = (shown?.myAssignedDossiers ?? []).slice(0, PAGE);
  const more = (shown?.myAssignedDossiers.length ?? 0) > PAGE;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('wf.mineLead')} · {t('inbox.updated')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Rows
        rows={rows}
        loading={loading && !shown}
        empty={t('wf.mineEmpty')}
        onAssigned={() => refetch()}
        testId="my-dossiers"
      />
      {(page > 0 || more) && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <span>{t('common.page', { page: page + 1 })}</span>
          <Button disabled={!more} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </Space>
      )}
    </>
  );
}

function Waiting() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [page, setPage] = useState(0);
  const [procedure, setProcedure] = useState<string | undefined>();
  const [status, setStatus] = useState<DossierStatus | undefined>();
  const [deadline, setDeadline] = useState<DeadlineState | undefined>();
  const filter = { procedureCode: procedure ?? null, status: status ?? null, deadline: deadline ?? null };
  const { data, previousData, loading, error, refetch } = useQuery(OfficerInboxPage, {
    variables: { filter, first: PAGE, offset: page * PAGE },
    pollInterval: 15_000,
  });
  const { data: catalogue } = useQuery(InboxProcedures);
  const shown = data ?? previousData;
  const rows = shown?.inboxPage.items ?? [];
  const total = shown?.inboxPage.total ?? 0;
  const counts = shown?.inboxPage.counts;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <>
      <Typography.Paragraph type="secondary">
        {user && t('inbox.subtitle', { role: t(`roles.${user.role}`), centre: user.centre })} · {t('inbox.updated')}
      </Typography.Paragraph>
      <section aria-label={t('inbox.counts')}>
        <Space wrap style={{ marginBottom: 12 }}>
          {STATES.map((s) => (
            <Button
              key={s}
              size="small"
              type={deadline === s ? 'primary' : 'default'}
              aria-pressed={deadline === s}
              data-testid={`count-${s}`}
              onClick={() => refilter(setDeadline)(deadline === s ? undefined : s)}
            >
              <DeadlineTag state={s} /> {counts ? counts[COUNT_KEY[s]].toLocaleString('vi-VN') : '…'}
            </Button>
          ))}
        </Space>
      </section>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            aria-label={t('inbox.filterProcedure')}
            placeholder={t('inbox.filterProcedure')}
            value={procedure}
            onChange={refilter(setProcedure)}
            options={(catalogue?.procedures ?? []).map((p) => ({ value: p.code, label: p.name }))}
          />
        </Col>
        <Col xs={12} md={8}>
          <Select
            allowClear
            style={{ width: '100%' }}
            aria-label={t('inbox.filterStatus')}
            placeholder={t('inbox.filterStatus')}
            value={status}
            onChange={refilter(setStatus)}
            options={(['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'] as const).map((s) => ({
              value: s,
              label: t(`status.${s}`),
            }))}
          />
        </Col>
        <Col xs={12} md={8}>
          <Select
            allowClear
            style={{ width: '100%' }}
            aria-label={t('inbox.filterDeadline')}
            placeholder={t('inbox.filterDeadline')}
            value={deadline}
            onChange={refilter(setDeadline)}
            options={STATES.map((s) => ({ value: s, label: t(`sla.${s}`) }))}
          />
        </Col>
      </Row>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Typography.Paragraph data-testid="inbox-total" aria-live="polite">
        {t('inbox.total', { count: total, shown: total.toLocaleString('vi-VN') })}
      </Typography.Paragraph>
      <Rows
        rows={rows}
        loading={loading && !shown}
        empty={t('inbox.empty')}
        onAssigned={() => refetch()}
        testId="inbox-cards"
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('common.previous')}
        </Button>
        <span>{t('inbox.pageOf', { page: page + 1, pages })}</span>
        <Button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          {t('common.next')}
        </Button>
      </Space>
    </>
  );
}

/**
 * The dossiers as a table, or as cards on a narrow screen. A leader (or admin) of the processing
 * centre assigns each one's step to a named officer from here ("Giao xử lý"), or reassigns it.
 */
function Rows({
  rows,
  loading,
  empty,
  onAssigned,
  testId,
}: {
  rows: Row_[];
  loading: boolean;
  empty: string;
  onAssigned(): unknown;
  testId: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [assigning, setAssigning] = useState<Row_ | null>(null);
  const stepsOf = (d: Row_) =>
    d.activeSteps.length ? d.activeSteps.map(stepLabel).join('; ') : (d.currentStep?.name ?? '—');
  const mayAssign = (d: Row_) =>
    !!user &&
    (user.role === 'LEADER' || user.role === 'ADMIN') &&
    d.processingCentre?.code === user.centre &&
    (d.status === 'RECEIVED' || d.status === 'PROCESSING') &&
    d.activeSteps.some((s) => s.kind !== 'INTER_AGENCY');
  const assignee = (d: Row_) => {
    const names = [...new Set(d.activeSteps.map((s) => s.assignee?.name).filter(Boolean))];
    const text = names.length ? names.join(', ') : (d.assignee?.name ?? t('wf.unassigned'));
    if (!mayAssign(d)) return text;
    const again = d.activeSteps.some((s) => s.assignee);
    return (
      <Space wrap size={4}>
        <span>{text}</span>
        <Button
          size="small"
          onClick={() => setAssigning(d)}
          aria-label={`${again ? t('wf.reassign') : t('wf.assign')} ${d.code}`}
        >
          {again ? t('wf.reassign') : t('wf.assign')}
        </Button>
      </Space>
    );
  };
  return (
    <>
      {narrow ? (
        <List<Row_>
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: empty }}
          data-testid={testId}
          renderItem={(d) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                title={<Link to={`/dossiers/${d.id}`}>{d.code}</Link>}
                extra={<DeadlineTag state={deadlineOf(d)} />}
              >
                <Typography.Paragraph style={{ marginBottom: 4 }}>{d.procedure.name}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {d.applicant.fullName} · {d.applicant.identityNumber}
                </Typography.Text>
                <dl className="inbox-card-facts">
                  <dt>{t('fields.step')}</dt>
                  <dd>{stepsOf(d)}</dd>
                  <dt>{t('wf.assignee')}</dt>
                  <dd>{assignee(d)}</dd>
                  <dt>{t('fields.dueAt')}</dt>
                  <dd>{dateTime(d.dueAt)}</dd>
                  <dt>{t('fields.timeLeft')}</dt>
                  <dd>
                    <TimeLeft hours={d.sla?.remainingWorkingHours} />
                  </dd>
                  <dt>{t('fields.status')}</dt>
                  <dd>{d.status ? t(`status.${d.status}`) : '—'}</dd>
                </dl>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Row_>
          rowKey="id"
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={rows.length ? { x: 1000 } : undefined}
          size="middle"
          locale={{ emptyText: empty }}
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
            { title: t('fields.step'), key: 'step', render: (_, d) => stepsOf(d) },
            { title: t('wf.assignee'), key: 'assignee', render: (_, d) => assignee(d) },
            { title: t('fields.receivedAt'), key: 'received', render: (_, d) => dateTime(d.receivedAt) },
            { title: t('fields.dueAt'), key: 'due', render: (_, d) => dateTime(d.dueAt) },
            {
              title: t('fields.timeLeft'),
              key: 'left',
              render: (_, d) => <TimeLeft hours={d.sla?.remainingWorkingHours} />,
            },
            { title: t('fields.deadline'), key: 'deadline', render: (_, d) => <DeadlineTag state={deadlineOf(d)} /> },
            {
              title: t('fields.status'),
              key: 'status',
              render: (_, d) => (d.status ? <Tag>{t(`status.${d.status}`)}</Tag> : '—'),
            },
          ]}
        />
      )}
      {assigning && (
        <AssignModal
          dossier={assigning}
          steps={assigning.activeSteps}
          onClose={() => setAssigning(null)}
          onDone={onAssigned}
        />
      )}
    </>
  );
}
