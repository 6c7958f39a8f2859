import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { fee, processingTime } from './public-shared';

// Both are public (no token): intake's catalogue has no query for one procedure, so the page picks
// it out of the list, which the front page has usually put in the cache already.
const ProcedurePage = graphql(`
  query PublicProcedure {
    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required } }
    centres { id code name level }
  }
`);

const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;

/** One procedure of the catalogue (/procedures/:code): what to bring, what it costs, how long, where. */
export default function Procedure() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { data, loading, error } = useQuery(ProcedurePage);
  if (!data) {
    return (
      <div className="pub">
        <h1>
          {t('procedure.code')}: {code}
        </h1>
        {loading ? (
          <p role="status">{t('common.loading')}</p>
        ) : error ? (
          <p role="alert">{t('front.unavailable')}</p>
        ) : null}
      </div>
    );
  }
  const p = data.procedures.find((x) => x.code === code);
  if (!p) {
    return (
      <div className="pub">
        <h1>{t('procedure.notFoundTitle')}</h1>
        <p>{t('procedure.notFoundText', { code })}</p>
        <Link className="pub-button" to="/">
          {t('procedure.back')}
        </Link>
      </div>
    );
  }
  const levels = LEVELS.filter((l) => p.levels.includes(l));
  const centres = data.centres
    .filter((c) => p.levels.includes(c.level))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.name.localeCompare(b.name, 'vi'));
  return (
    <div className="pub">
      <p className="pub-meta">
        <Link to="/">{t('nav.home')}</Link> › {p.sector}
      </p>
      <h1>{p.name}</h1>
      <div className="pub-grid">
        <div className="pub-card">
          <dl className="pub-facts">
            <dt>{t('procedure.code')}</dt>
            <dd>{p.code}</dd>
            <dt>{t('procedure.sector')}</dt>
            <dd>{p.sector}</dd>
            <dt>{t('procedure.time')}</dt>
            <dd>{processingTime(t, p.processingTime)}</dd>
            <dt>{t('procedure.fee')}</dt>
            <dd>{fee(t, i18n.resolvedLanguage, p.feeVnd)}</dd>
            <dt>{t('procedure.levels')}</dt>
            <dd>{levels.map((l) => t(`procedure.level.${l}`)).join(', ')}</dd>
          </dl>
        </div>
        <section className="pub-card" aria-labelledby="proc-submit">
          <h2 id="proc-submit">{t('procedure.submit')}</h2>
          <p>{t('procedure.submitText')}</p>
          <Link className="pub-button" to={`/me/submit?procedure=${encodeURIComponent(p.code)}`}>
            {t('procedure.submit')}
          </Link>
        </section>
        <section className="pub-card pub-wide" aria-labelledby="proc-components">
          <h2 id="proc-components">{t('procedure.components')}</h2>
          <ol>
            {p.components.map((c) => (
              <li key={c.code}>
                {c.name}
                <span className={`pub-tag ${c.required ? 'required' : 'optional'}`}>
                  {t(c.required ? 'procedure.required' : 'procedure.optional')}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="pub-card pub-wide" aria-labelledby="proc-where">
          <h2 id="proc-where">{t('procedure.where')}</h2>
          <p>{t('procedure.whereText')}</p>
          <ul className="pub-procedures">
            {centres.map((c) => (
              <li key={c.id}>
                {c.name}
                <span className="pub-meta">
                  {t(`procedure.level.${c.level}`)} · {c.code}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
