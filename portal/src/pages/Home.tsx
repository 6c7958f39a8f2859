import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { fold } from '../format';
import { homeOf, useSession } from '../session';
import { fee, processingTime } from './public-shared';

// Public: the catalogue needs no token (intake's `procedures`), like the centre tree and the calendar.
const Catalogue = graphql(
  `query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }`,
);

/**
 * The centre's front page: find a procedure (with or without accents), track a dossier, sign in.
 * Plain HTML and the portal's CSS, no antd component: a phone's first visit stays small
 * (scripts/portal-weight.ts).
 */
export default function Home() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(Catalogue);
  const [query, setQuery] = useState('');
  const [code, setCode] = useState('');
  const searchId = useId();
  const codeId = useId();
  const procedures = useMemo(
    () => (data?.procedures ?? []).map((p) => ({ ...p, search: fold(`${p.name} ${p.code} ${p.sector}`) })),
    [data],
  );
  const words = fold(query.trim()).split(/\s+/).filter(Boolean);
  const found = words.length ? procedures.filter((p) => words.every((w) => p.search.includes(w))) : procedures;
  const track = (e: FormEvent) => {
    e.preventDefault();
    // void: react-router's navigate returns a promise only for its data routers, which the portal does not use
    void navigate(code.trim() ? `/track?code=${encodeURIComponent(code.trim())}` : '/track');
  };
  return (
    <div className="pub">
      <h1>{t('home.title')}</h1>
      <p className="pub-lead">{t('home.lead')}</p>
      <div className="pub-grid">
        <section className="pub-card pub-wide" aria-labelledby={`${searchId}-h`}>
          <h2 id={`${searchId}-h`}>{t('front.searchTitle')}</h2>
          <label htmlFor={searchId}>{t('front.searchLabel')}</label>
          <input
            id={searchId}
            type="search"
            className="pub-input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${searchId}-hint`}
            autoComplete="off"
          />
          <p id={`${searchId}-hint`} className="pub-hint">
            {t('front.searchHint')}
          </p>
          {loading && !data ? (
            <p role="status">{t('front.loading')}</p>
          ) : error && !data ? (
            <p role="alert">{t('front.unavailable')}</p>
          ) : (
            <>
              <p role="status" className="pub-count">
                {words.length
                  ? found.length
                    ? t('front.found', { count: found.length })
                    : t('front.none', { query: query.trim() })
                  : t('front.all', { count: procedures.length })}
              </p>
              <ul className="pub-procedures">
                {found.map((p) => (
                  <li key={p.id}>
                    <Link to={`/procedures/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                    <span className="pub-meta">
                      {p.code} · {p.sector} · {t('front.time')}: {processingTime(t, p.processingTime)} ·{' '}
                      {t('front.fee')}: {fee(t, i18n.resolvedLanguage, p.feeVnd)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="pub-card" aria-labelledby={`${codeId}-h`}>
          <h2 id={`${codeId}-h`}>{t('front.trackTitle')}</h2>
          <p>{t('front.trackText')}</p>
          <form onSubmit={track}>
            <label htmlFor={codeId}>{t('fields.dossierCode')}</label>
            <input
              id={codeId}
              className="pub-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              placeholder="000.00.12.H57-260101-0001"
            />
            <button type="submit" className="pub-button">
              {t('front.trackButton')}
            </button>
          </form>
        </section>
        <section className="pub-card" aria-labelledby={`${codeId}-s`}>
          <h2 id={`${codeId}-s`}>
            {user ? t('home.signedInAs', { name: user.name, role: t(`roles.${user.role}`) }) : t('front.signInTitle')}
          </h2>
          {user ? (
            <Link className="pub-button" to={homeOf(user.role)}>
              {t('home.workspace')}
            </Link>
          ) : (
            <>
              <p>{t('front.signInText')}</p>
              <Link className="pub-button" to="/login">
                {t('nav.signIn')}
              </Link>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
