import { useTranslation } from 'react-i18next';
import type { Figures } from './figures';

/**
 * The report laid out like form II.06a (Circular 01/2020/TT-VPCP): the numbered columns of
 * dossiers to resolve (carried over, newly received online and at the counter or by post), resolved
 * (early, on time, late) and in progress (not yet due, overdue), a row per group and the total, and
 * the signatures. Printed on A4 landscape.
 */
export function PrintForm({
  from,
  to,
  centre,
  groupTitle,
  rows,
  total,
  madeOn,
}: {
  from: string;
  to: string;
  centre: string;
  groupTitle: string;
  rows: Figures[];
  total: Figures;
  madeOn: string;
}) {
  const { t } = useTranslation();
  const f = (k: string, o?: Record<string, string>) => t(`dash.form.${k}`, o ?? {});
  const line = (r: Figures) => [
    (r.carriedOver ?? 0) + (r.received ?? 0),
    r.carriedOver,
    r.receivedOnline,
    r.receivedOffline,
    r.resolved,
    r.resolvedEarly,
    r.resolvedOnTime,
    r.resolvedLate,
    r.inProgress,
    r.inProgressNotDue,
    r.inProgressOverdue,
  ];
  return (
    <article className="ii06a" data-testid="ii06a">
      <header className="ii06a-head">
        <p className="ii06a-code">{f('code')}</p>
        <h1>{f('name')}</h1>
        <p>{f('period', { from, to })}</p>
        <p>{f('reporter', { centre })}</p>
        <p className="ii06a-unit">{f('unit')}</p>
      </header>
      <div className="ii06a-scroll">
        <table className="ii06a-table">
          <thead>
            <tr>
              <th rowSpan={4} scope="col">
                {f('no')}
              </th>
              <th rowSpan={4} scope="col">
                {f('group')} ({groupTitle.toLowerCase()})
              </th>
              <th colSpan={4} scope="colgroup">
                {f('receivedAll')}
              </th>
              <th colSpan={7} scope="colgroup">
                {f('results')}
              </th>
            </tr>
            <tr>
              <th rowSpan={3} scope="col">
                {f('totalCol')}
              </th>
              <th colSpan={3} scope="colgroup">
                {f('ofWhich')}
              </th>
              <th colSpan={4} scope="colgroup">
                {f('resolved')}
              </th>
              <th colSpan={3} scope="colgroup">
                {f('inProgress')}
              </th>
            </tr>
            <tr>
              <th rowSpan={2} scope="col">
                {f('carried')}
              </th>
              <th colSpan={2} scope="colgroup">
                {f('newlyReceived')}
              </th>
              <th rowSpan={2} scope="col">
                {f('totalCol')}
              </th>
              <th rowSpan={2} scope="col">
                {f('early')}
              </th>
              <th rowSpan={2} scope="col">
                {f('onTime')}
              </th>
              <th rowSpan={2} scope="col">
                {f('late')}
              </th>
              <th rowSpan={2} scope="col">
                {f('totalCol')}
              </th>
              <th rowSpan={2} scope="col">
                {f('notDue')}
              </th>
              <th rowSpan={2} scope="col">
                {f('overdue')}
              </th>
            </tr>
            <tr>
              <th scope="col">{f('online')}</th>
              <th scope="col">{f('offline')}</th>
            </tr>
            <tr className="ii06a-numbers">
              {Array.from({ length: 13 }, (_, i) => (
                <td key={i}>({i + 1})</td>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="ii06a-total">
              <td />
              <th scope="row">{t('dash.total')}</th>
              {line(total).map((v, i) => (
                <td key={i}>{v ?? 0}</td>
              ))}
            </tr>
            {rows.map((r, n) => (
              <tr key={r.key}>
                <td>{n + 1}</td>
                <th scope="row">{r.label}</th>
                {line(r).map((v, i) => (
                  <td key={i}>{v ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <footer className="ii06a-sign">
        <div>
          <strong>{f('preparer')}</strong>
          <br />
          <em>{f('sign')}</em>
        </div>
        <div>
          <em>{f('madeOn', { date: madeOn })}</em>
          <br />
          <strong>{f('head')}</strong>
          <br />
          <em>{f('signSeal')}</em>
        </div>
      </footer>
    </article>
  );
}
