import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { graphql } from '../gql';
import type { ReportGroupBy } from '../gql/graphql';
import { Guard } from '../Guard';
import { useSession } from '../session';
import { explain } from '../errors';
import { dayjs, ZONE } from '../format';
import { Chart } from './dashboard/Chart';
import { PrintForm } from './dashboard/PrintForm';
import {
  COLUMNS,
  cell,
  download,
  groupLabel,
  percent,
  reportMatrix,
  toCsv,
  toXlsx,
  type Column,
  type Figures,
  type GroupBy,
} from './dashboard/figures';
import './dashboard/dashboard.css';

const DashCentres = graphql(`
  query DashCentres { centres { id code name level parent { id } } }
`);

const DashReport = graphql(`
  query DashReport($input: ReportInput!) {
    report(input: $input) {
      from to groupBy
      rows {
        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved
        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate
      }
      total {
        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved
        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate
      }
    }
  }
`);

const DashTrend = graphql(`
  query DashTrend($input: ReportInput!) {
    report(input: $input) { rows { key label received resolved resolvedLate inProgressOverdue } }
  }
`);

const DashTraffic = graphql(`
  query DashTraffic($centreId: ID!, $from: Date!, $to: Date!, $includeDescendants: Boolean) {
    dailyTraffic(centreId: $centreId, from: $from, to: $to, includeDescendants: $includeDescendants) {
      workingDays
      busiestHours { hour received }
      weekdayHours { weekday hour received atCounter averagePerDay }
    }
  }
`);

const GROUPS: GroupBy[] = ['CENTRE', 'LEVEL', 'PROCEDURE', 'SECTOR', 'CHANNEL', 'MONTH'];
const COLOURS = { early: '#237804', onTime: '#1d5fa8', late: '#a8071a', inProgress: '#ad6800' };
type Centre = { id: string; code: string; name: string; level: string; parent?: { id: string } | null };

/** The II.06a report with charts for leaders, observers and administrators (/dashboard). */
export default function Dashboard() {
  const { t } = useTranslation();
  return (
    <Guard roles={['LEADER', 'OBSERVER', 'ADMIN']} page={t('nav.dashboard')}>
      <DashboardPage />
    </Guard>
  );
}

const today = () => dayjs().tz(ZONE).format('YYYY-MM-DD');

function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const { user } = useSession();
  // The report's parameters live in the URL: a deep link or a reload shows the same figures.
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? `${today().slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today();
  const groupBy = (GROUPS.includes(params.get('group') as GroupBy) ? params.get('group') : 'CENTRE') as GroupBy;
  const includeDescendants = params.get('sub') !== '0';
  const printView = params.get('view') === 'print';
  const set = (changes: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(changes)) {
        if (v == null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });

  const centres = useQuery(DashCentres);
  const all: Centre[] = useMemo(() => centres.data?.centres ?? [], [centres.data]);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const childrenOf = useMemo(() => {
    const m = new Map<string, Centre[]>();
    for (const c of all) if (c.parent) m.set(c.parent.id, [...(m.get(c.parent.id) ?? []), c]);
    return m;
  }, [all]);
  const root = all.find((c) => c.code === user?.centre) ?? all.find((c) => !c.parent);
  // The signed-in user's subtree: the centres they may report on.
  const subtree = useMemo(() => {
    const out: Array<Centre & { depth: number }> = [];
    const walk = (c: Centre, depth: number) => {
      out.push({ ...c, depth });
      for (const k of [...(childrenOf.get(c.id) ?? [])].sort((a, b) => a.code.localeCompare(b.code)))
        walk(k, depth + 1);
    };
    if (root) walk(root, 0);
    return out;
  }, [root, childrenOf]);
  const current = subtree.find((c) => c.code === params.get('centre')) ?? root;
  const path = useMemo(() => {
    const p: Centre[] = [];
    for (let c: Centre | undefined = current; c; c = c.parent ? byId.get(c.parent.id) : undefined) {
      p.unshift(c);
      if (c.id === root?.id) break;
    }
    return p;
  }, [current, root, byId]);

  const badPeriod = !(from <= to) || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to);
  const skip = !current || badPeriod;
  const input = { from, to, centreId: current?.id ?? '', includeDescendants, groupBy: groupBy as ReportGroupBy };
  const report = useQuery(DashReport, { variables: { input }, skip });
  const trend = useQuery(DashTrend, { variables: { input: { ...input, groupBy: 'MONTH' as ReportGroupBy } }, skip });
  const trafficTooLong = dayjs(to).diff(dayjs(from), 'day') >= 366;
  const traffic = useQuery(DashTraffic, {
    variables: { centreId: input.centreId, from, to, includeDescendants },
    skip: skip || trafficTooLong,
  });

  const rows = (report.data?.report.rows ?? []) as Figures[];
  const total = report.data?.report.total as Figures | undefined;
  const drillable = (key: string) =>
    groupBy === 'CENTRE' && key !== current?.code && subtree.some((c) => c.code === key);
  const drill = (key: string) => set({ centre: key });
  const label = (r: Figures) =>
    groupBy === 'CENTRE' &&
    r.key === current?.code &&
    includeDescendants &&
    (childrenOf.get(current.id)?.length ?? 0) > 0
      ? t('dash.ownDossiers', { name: r.label })
      : groupLabel(t, groupBy, r);

  const matrix = () =>
    total
      ? reportMatrix(
          t,
          groupBy,
          rows.map((r) => ({ ...r, label: label(r) })),
          total,
        )
      : [];
  const fileName = (ext: string) => `II06a_${current?.code ?? ''}_${from}_${to}_${groupBy}.${ext}`;
  const meta = (): Array<[string, string]> => [
    [t('dash.file.period'), `${fmt(from)} – ${fmt(to)}`],
    [
      t('dash.file.centre'),
      `${current?.name ?? ''}${includeDescendants ? ` (${t('dash.descendants').toLowerCase()})` : ''}`,
    ],
    [t('dash.file.groupBy'), t(`dash.group.${groupBy}`)],
  ];
  const exportCsv = () => download(fileName('csv'), 'text/csv;charset=utf-8', toCsv(matrix()));
  const [making, setMaking] = useState(false);
  const exportXlsx = async () => {
    setMaking(true);
    try {
      const buffer = await toXlsx(t, t('dash.form.name'), meta(), matrix());
      download(fileName('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer);
    } catch {
      void message.error(t('dash.export.failed'));
    } finally {
      setMaking(false);
    }
  };

  const error = centres.error ?? report.error ?? trend.error ?? traffic.error;
  const groupName = t(`dash.group.${groupBy}`).toLowerCase();

  if (printView && total && current) {
    return (
      <>
        <Space className="no-print" style={{ marginBottom: 12 }} wrap>
          <Button onClick={() => set({ view: null })}>{t('dash.export.back')}</Button>
          <Button type="primary" onClick={() => window.print()}>
            {t('dash.export.printNow')}
          </Button>
        </Space>
        <PrintForm
          from={fmt(from)}
          to={fmt(to)}
          centre={current.name}
          groupTitle={t(`dash.group.${groupBy}`)}
          rows={rows.map((r) => ({ ...r, label: label(r) }))}
          total={total}
          madeOn={fmt(today())}
        />
      </>
    );
  }

  return (
    <>
      <Typography.Title>{t('dash.title')}</Typography.Title>
      {current && (
        <Typography.Paragraph type="secondary">{t('dash.lead', { centre: current.name })}</Typography.Paragraph>
      )}

      <section aria-label={t('dash.filters')} className="no-print">
        <Row gutter={[8, 8]} align="bottom">
          <Col xs={12} md={4}>
            <label className="dash-label" htmlFor="dash-from">
              {t('dash.from')}
            </label>
            <Input
              id="dash-from"
              type="date"
              value={from}
              max={to}
              onChange={(e) => e.target.value && set({ from: e.target.value })}
            />
          </Col>
          <Col xs={12} md={4}>
            <label className="dash-label" htmlFor="dash-to">
              {t('dash.to')}
            </label>
            <Input
              id="dash-to"
              type="date"
              value={to}
              min={from}
              onChange={(e) => e.target.value && set({ to: e.target.value })}
            />
          </Col>
          <Col xs={24} md={8}>
            <label className="dash-label" id="dash-centre-label">
              {t('dash.centre')}
            </label>
            <Select
              aria-labelledby="dash-centre-label"
              style={{ width: '100%' }}
              value={current?.code}
              showSearch
              optionFilterProp="label"
              onChange={(code: string) => set({ centre: code })}
              options={subtree.map((c) => ({ value: c.code, label: `${'· '.repeat(c.depth)}${c.name}` }))}
            />
          </Col>
          <Col xs={24} md={4}>
            <label className="dash-label" id="dash-group-label">
              {t('dash.groupBy')}
            </label>
            <Select
              aria-labelledby="dash-group-label"
              style={{ width: '100%' }}
              value={groupBy}
              onChange={(g: GroupBy) => set({ group: g })}
              options={GROUPS.map((g) => ({ value: g, label: t(`dash.group.${g}`) }))}
            />
          </Col>
          <Col xs={24} md={4}>
            <Checkbox checked={includeDescendants} onChange={(e) => set({ sub: e.target.checked ? null : '0' })}>
              {t('dash.descendants')}
            </Checkbox>
          </Col>
        </Row>
      </section>

      {badPeriod && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('dash.badPeriod')} />}
      {error && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={explain(t, error)}
          action={
            <Button
              size="small"
              onClick={() =>
                void Promise.allSettled([centres.refetch(), report.refetch(), trend.refetch(), traffic.refetch()])
              }
            >
              {t('common.refresh')}
            </Button>
          }
        />
      )}

      {path.length > 0 && (
        <nav aria-label={t('dash.path')} className="dash-path no-print">
          <Breadcrumb
            items={path.map((c, i) => ({
              title:
                i === path.length - 1 ? (
                  <span aria-current="page">{c.name}</span>
                ) : (
                  <a
                    href={`?${new URLSearchParams({ ...Object.fromEntries(params), centre: c.code })}`}
                    onClick={(e) => {
                      e.preventDefault();
                      drill(c.code);
                    }}
                  >
                    {c.name}
                  </a>
                ),
            }))}
          />
        </nav>
      )}

      {total && (
        <section aria-label={t('dash.tableTitle')}>
          <Row gutter={[8, 8]} className="dash-kpis">
            {(
              [
                ['received', total.received],
                ['resolved', total.resolved],
                ['onTime', percent(total.onTimeRate, lang)],
                ['inProgress', total.inProgress],
                ['satisfaction', percent(total.satisfactionRate, lang)],
              ] as const
            ).map(([k, v]) => (
              <Col key={k} xs={12} md={4}>
                <Card size="small">
                  <Statistic title={t(`dash.kpi.${k}`)} value={v ?? 0} />
                </Card>
              </Col>
            ))}
          </Row>
          <Space
            wrap
            className="no-print"
            style={{ margin: '12px 0' }}
            aria-label={t('dash.export.title')}
            role="group"
          >
            <Button onClick={exportCsv}>{t('dash.export.csv')}</Button>
            <Button onClick={() => void exportXlsx()} loading={making}>
              {t('dash.export.xlsx')}
            </Button>
            <Button onClick={() => set({ view: 'print' })}>{t('dash.export.print')}</Button>
          </Space>
          {groupBy === 'CENTRE' && includeDescendants && (
            <Typography.Paragraph type="secondary">{t('dash.drillHint')}</Typography.Paragraph>
          )}
          <Typography.Title level={2} className="dash-h2">
            {t('dash.tableTitle')}
          </Typography.Title>
          {/* A wide table scrolls inside a region the keyboard can reach (axe: scrollable-region-focusable). */}
          <div className="dash-scroll" tabIndex={0} role="region" aria-label={t('dash.tableTitle')}>
            <Table<Figures>
              data-testid="report-table"
              rowKey="key"
              size="small"
              pagination={false}
              bordered
              dataSource={rows}
              locale={{ emptyText: t('dash.empty') }}
              loading={report.loading}
              columns={[
                {
                  title: t(`dash.group.${groupBy}`),
                  key: 'group',
                  width: 220,
                  render: (_, r) =>
                    drillable(r.key) ? (
                      <Button
                        type="link"
                        className="dash-drill"
                        aria-label={t('dash.drill', { name: r.label })}
                        onClick={() => drill(r.key)}
                      >
                        {label(r)}
                      </Button>
                    ) : (
                      label(r)
                    ),
                },
                ...COLUMNS.map((c) => ({
                  title: t(`dash.col.${c}`),
                  key: c,
                  align: 'right' as const,
                  onCell: () => ({ 'data-col': c }) as object,
                  render: (_: unknown, r: Figures) => cell(c, r[c], lang),
                })),
              ]}
              summary={() => (
                <Table.Summary.Row className="dash-total">
                  <Table.Summary.Cell index={0}>
                    <strong>{t('dash.total')}</strong>
                  </Table.Summary.Cell>
                  {COLUMNS.map((c, i) => (
                    <Table.Summary.Cell key={c} index={i + 1} align="right">
                      <strong data-col={c}>{cell(c, total[c], lang)}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          </div>
          <Charts
            t={t}
            lang={lang}
            groupBy={groupBy}
            groupName={groupName}
            rows={rows}
            label={label}
            onDrill={(i) => rows[i] && drillable(rows[i].key) && drill(rows[i].key)}
            trend={(trend.data?.report.rows ?? []) as Figures[]}
            traffic={traffic.data?.dailyTraffic}
            trafficTooLong={trafficTooLong}
          />
        </section>
      )}
    </>
  );
}

const fmt = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function Charts({
  t,
  lang,
  groupBy,
  groupName,
  rows,
  label,
  onDrill,
  trend,
  traffic,
  trafficTooLong,
}: {
  t: TFunction;
  lang: string;
  groupBy: GroupBy;
  groupName: string;
  rows: Figures[];
  label: (r: Figures) => string;
  onDrill: (i: number) => void;
  trend: Figures[];
  traffic?: {
    workingDays: number;
    busiestHours: Array<{ hour: number; received: number }>;
    weekdayHours: Array<{ weekday: number; hour: number; received: number; averagePerDay: number }>;
  };
  trafficTooLong: boolean;
}) {
  const n = (v: number | null | undefined) => cell('received', v ?? 0, lang);
  const names = rows.map(label);
  const outcomes = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: (
        [
          ['resolvedEarly', COLOURS.early],
          ['resolvedOnTime', COLOURS.onTime],
          ['resolvedLate', COLOURS.late],
          ['inProgress', COLOURS.inProgress],
        ] as Array<[Column, string]>
      ).map(([c, color]) => ({
        name: t(`dash.col.${c}`),
        type: 'bar',
        stack: 'all',
        color,
        data: rows.map((r) => r[c] ?? 0),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels' text, not the arrays' identity, decides
    [rows, names.join('|'), t],
  );
  const months = trend.map((r) => groupLabel(t, 'MONTH', r));
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: (
        [
          ['received', '#1d5fa8'],
          ['resolved', COLOURS.early],
          ['resolvedLate', COLOURS.late],
        ] as Array<[Column, string]>
      ).map(([c, color]) => ({
        name: t(`dash.col.${c}`),
        type: 'line',
        color,
        data: trend.map((r) => r[c] ?? 0),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels' text, not the arrays' identity, decides
    [trend, t],
  );
  const satisfaction = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          name: t('dash.charts.rate'),
          type: 'bar',
          color: COLOURS.early,
          data: rows.map((r) => (r.satisfactionRate == null ? null : Math.round(r.satisfactionRate * 1000) / 10)),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels' text, not the arrays' identity, decides
    [rows, names.join('|'), t],
  );
  const weekdays = t('dash.weekdays', { returnObjects: true }) as string[];
  const cells = traffic?.weekdayHours ?? [];
  const hours = cells.length
    ? range(Math.min(7, ...cells.map((c) => c.hour)), Math.max(17, ...cells.map((c) => c.hour)))
    : range(7, 17);
  const heat = useMemo(
    () => ({
      tooltip: { position: 'top' },
      grid: { left: 8, right: 8, bottom: 56, top: 8, containLabel: true },
      xAxis: { type: 'category', data: hours.map((h) => `${h}h`), splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: Math.max(1, ...cells.map((c) => c.averagePerDay)),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fff7e6', '#ad6800', '#5c2b00'] },
      },
      series: [
        {
          name: t('dash.charts.traffic'),
          type: 'heatmap',
          data: cells.map((c) => [hours.indexOf(c.hour), c.weekday - 1, c.averagePerDay]),
          label: { show: false },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels' text, not the arrays' identity, decides
    [cells, hours.join(','), weekdays.join(','), t],
  );
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);

  return (
    <div className="dash-charts">
      <Chart
        testId="chart-outcomes"
        title={t('dash.charts.outcomes', { group: groupName })}
        alt={t('dash.charts.outcomesAlt', { group: groupName })}
        option={outcomes}
        height={Math.max(240, 60 + rows.length * 36)}
        onBarClick={groupBy === 'CENTRE' ? onDrill : undefined}
        table={{
          head: [
            t(`dash.group.${groupBy}`),
            ...(['resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgress'] as const).map((c) =>
              t(`dash.col.${c}`),
            ),
          ],
          rows: rows.map((r) => [
            label(r),
            n(r.resolvedEarly),
            n(r.resolvedOnTime),
            n(r.resolvedLate),
            n(r.inProgress),
          ]),
        }}
      />
      <Chart
        testId="chart-trend"
        title={t('dash.charts.trend')}
        alt={t('dash.charts.trendAlt')}
        option={trendOption}
        table={{
          head: [t('dash.charts.month'), t('dash.col.received'), t('dash.col.resolved'), t('dash.col.resolvedLate')],
          rows: trend.map((r, i) => [months[i], n(r.received), n(r.resolved), n(r.resolvedLate)]),
        }}
      />
      <Chart
        testId="chart-satisfaction"
        title={t('dash.charts.satisfaction', { group: groupName })}
        alt={t('dash.charts.satisfactionAlt', { group: groupName })}
        option={satisfaction}
        height={Math.max(200, 40 + rows.length * 32)}
        table={{
          head: [t(`dash.group.${groupBy}`), t('dash.charts.ratings'), t('dash.col.satisfactionRate')],
          rows: rows.map((r) => [label(r), n(r.ratings), percent(r.satisfactionRate, lang)]),
        }}
      />
      {trafficTooLong ? (
        <Alert type="info" showIcon title={t('dash.charts.trafficTooLong')} />
      ) : (
        <>
          <Typography.Paragraph>
            {cells.length
              ? t('dash.charts.trafficLead', {
                  busiest: (traffic?.busiestHours ?? []).map((h) => `${h.hour}h–${h.hour + 1}h`).join(', '),
                })
              : t('dash.charts.trafficNone')}
          </Typography.Paragraph>
          <Chart
            testId="chart-traffic"
            title={t('dash.charts.traffic')}
            alt={t('dash.charts.trafficAlt')}
            option={heat}
            height={340}
            table={{
              head: [t('dash.charts.weekday'), ...hours.map((h) => `${h}h`)],
              rows: weekdays.map((w, i) => [
                w,
                ...hours.map((h) => cell('averageProcessingDays', at(i + 1, h)?.averagePerDay ?? 0, lang)),
              ]),
            }}
          />
        </>
      )}
    </div>
  );
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
