import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { graphql } from '../../gql';
import type { AdminCalendarQuery, CalendarDayKind } from '../../gql/graphql';
import { explain } from '../../errors';
import { ZONE } from '../../format';

const CalendarQuery = graphql(`
  query AdminCalendar($year: Int!) { calendarDays(year: $year) { date kind name } }
`);
const SetCalendarDay = graphql(`
  mutation AdminSetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }
`);

type Day = AdminCalendarQuery['calendarDays'][number];
const KINDS: CalendarDayKind[] = ['HOLIDAY', 'MAKEUP_WORKDAY', 'ORDINARY'];
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The working calendar as a year view: statutory holidays (Tết…), declared days off, make-up working days. */
export default function Calendar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().tz(ZONE).year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });
  const { data, loading, error, refetch } = useQuery(CalendarQuery, { variables: { year } });
  const [save, { loading: saving, error: saveError }] = useMutation(SetCalendarDay);
  const [form] = Form.useForm<{ date: string; kind: CalendarDayKind; name: string }>();
  const [picked, setPicked] = useState<string | null>(null);
  const days = useMemo(() => new Map((data?.calendarDays ?? []).map((d) => [d.date, d])), [data]);
  const weekdays = t('admin.calendar.weekdays', { returnObjects: true }) as string[];
  const months = t('admin.calendar.months', { returnObjects: true }) as string[];
  const today = dayjs().tz(ZONE).format('YYYY-MM-DD');

  const pick = (iso: string) => {
    setPicked(iso);
    const known = days.get(iso);
    form.setFieldsValue({
      date: iso,
      kind: known ? 'ORDINARY' : dayjs(iso).day() % 6 === 0 ? 'MAKEUP_WORKDAY' : 'HOLIDAY',
      name: known?.name ?? '',
    });
  };

  const describe = (iso: string, weekend: boolean) => {
    const d = days.get(iso);
    const what = d
      ? `${t(`admin.calendar.kinds.${d.kind}`)}: ${d.name}`
      : weekend
        ? t('admin.calendar.weekendDay')
        : t('admin.calendar.ordinary');
    // The visible day number first: a button's name starts with what it shows (axe's label-content-name-mismatch).
    return t('admin.calendar.dayLabel', { day: Number(iso.slice(8)), date: ddmmyyyy(iso), what });
  };

  return (
    <>
      <Typography.Title>{t('admin.calendar.title')}</Typography.Title>
      <Typography.Paragraph>{t('admin.calendar.lead')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Button onClick={() => setYear(year - 1)}>← {t('admin.calendar.previous')}</Button>
        <h2 className="admin-year-title" aria-live="polite">
          {t('admin.calendar.year')} {year}
        </h2>
        <Button onClick={() => setYear(year + 1)}>{t('admin.calendar.next')} →</Button>
      </Space>

      <Card
        size="small"
        title={<h2 className="card-title">{t('admin.calendar.declare')}</h2>}
        style={{ marginBottom: 16 }}
      >
        <Typography.Paragraph>{t('admin.calendar.pickHint')}</Typography.Paragraph>
        {saveError && <Alert type="error" showIcon title={explain(t, saveError)} style={{ marginBottom: 8 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'HOLIDAY', name: '' }}
          onFinish={async (v) => {
            const res = await save({
              variables: { input: { date: v.date, kind: v.kind, name: v.name?.trim() || null } },
            }).catch(() => null);
            if (res?.data) {
              void message.success(
                t('admin.calendar.saved', { date: ddmmyyyy(v.date), kind: t(`admin.calendar.kinds.${v.kind}`) }),
              );
              if (Number(v.date.slice(0, 4)) !== year) setYear(Number(v.date.slice(0, 4)));
              void refetch();
            }
          }}
        >
          <Space wrap align="start">
            <Form.Item
              name="date"
              label={t('admin.calendar.date')}
              rules={[{ required: true, message: t('common.required', { field: t('admin.calendar.date') }) }]}
            >
              <Input type="date" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.calendar.kind')}>
              <Radio.Group options={KINDS.map((k) => ({ value: k, label: t(`admin.calendar.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('admin.calendar.name')}>
              <Input maxLength={200} style={{ width: 240 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('admin.calendar.save')}
          </Button>
        </Form>
      </Card>

      <ul className="admin-legend" aria-label={t('admin.calendar.legend')}>
        <li>
          <span className="admin-day holiday" aria-hidden>
            1
          </span>{' '}
          {t('admin.calendar.holiday')}
        </li>
        <li>
          <span className="admin-day makeup" aria-hidden>
            1
          </span>{' '}
          {t('admin.calendar.makeup')}
        </li>
        <li>
          <span className="admin-day weekend" aria-hidden>
            1
          </span>{' '}
          {t('admin.calendar.weekend')}
        </li>
      </ul>
      <div className="admin-year" aria-busy={loading}>
        {months.map((monthName, m) => {
          const first = dayjs(`${year}-${String(m + 1).padStart(2, '0')}-01`);
          const lead = (first.day() + 6) % 7; // Monday first
          const cells: Array<string | null> = [
            ...Array(lead).fill(null),
            ...Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD')),
          ];
          while (cells.length % 7) cells.push(null);
          const rows = Array.from({ length: cells.length / 7 }, (_, r) => cells.slice(r * 7, r * 7 + 7));
          return (
            <table key={m} className="admin-month">
              <caption>
                {monthName} {year}
              </caption>
              <thead>
                <tr>
                  {weekdays.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((iso, c) => {
                      if (!iso) return <td key={c} />;
                      const d = days.get(iso);
                      const weekend = c >= 5;
                      const cls =
                        d?.kind === 'HOLIDAY'
                          ? 'holiday'
                          : d?.kind === 'MAKEUP_WORKDAY'
                            ? 'makeup'
                            : weekend
                              ? 'weekend'
                              : '';
                      return (
                        <td key={c}>
                          <button
                            type="button"
                            className={`admin-day ${cls}${picked === iso ? ' selected' : ''}`}
                            aria-label={describe(iso, weekend)}
                            aria-current={iso === today ? 'date' : undefined}
                            title={d?.name}
                            onClick={() => pick(iso)}
                          >
                            {Number(iso.slice(8))}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>

      <h2 className="admin-section">{t('admin.calendar.list', { year })}</h2>
      <Table<Day>
        rowKey="date"
        size="small"
        dataSource={data?.calendarDays ?? []}
        loading={loading && !data}
        pagination={false}
        columns={[
          { title: t('admin.calendar.date'), render: (_, d) => ddmmyyyy(d.date) },
          { title: t('admin.calendar.kind'), render: (_, d) => t(`admin.calendar.kinds.${d.kind}`) },
          { title: t('admin.calendar.name'), dataIndex: 'name' },
        ]}
      />
    </>
  );
}
