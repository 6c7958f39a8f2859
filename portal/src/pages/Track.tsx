import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { graphql } from '../gql';
import type { PublicTrackQuery } from '../gql/graphql';
import { dateTime } from '../format';

// Public, and nothing personal in it: the procedure, the dates and the status (intake's trackDossier).
const TrackQuery = graphql(`
  query PublicTrack($code: String!, $verifier: String!) {
    trackDossier(code: $code, verifier: $verifier) { id code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus }
  }
`);

type Tracking = NonNullable<PublicTrackQuery['trackDossier']>;
type Status = NonNullable<Tracking['status']>;
type Outcome = { found: Tracking } | { message: string };

/** The usual path of a dossier, as the national status list has it (DESIGN.md, "Dossier lifecycle"). */
const PATH = ['RECEIVED', 'PROCESSING', 'RESOLVED', 'RETURNED'] as const;
type Step = (typeof PATH)[number] | 'NEW';
/** Where each status stands on that path; a paused or ended dossier stands where it stopped. */
const AT: Record<Status, Step> = {
  NEW: 'NEW',
  RECEIVED: 'RECEIVED',
  NOT_ACCEPTED: 'NEW',
  PROCESSING: 'PROCESSING',
  SUPPLEMENT_REQUESTED: 'PROCESSING',
  FINANCIAL_OBLIGATION: 'PROCESSING',
  WITHDRAWN: 'PROCESSING',
  STOPPED: 'PROCESSING',
  RESOLVED: 'RESOLVED',
  RETURNED: 'RETURNED',
};

function wait(t: TFunction, seconds: number): string {
  return seconds >= 3540
    ? t('track.hours', { count: Math.ceil(seconds / 3600) })
    : t('track.minutes', { count: Math.max(1, Math.ceil(seconds / 60)) });
}

/** A refusal in words: the limits (per dossier code in intake, per address at the gateway) politely, anything else as the portal's errors. */
function explainTracking(t: TFunction, error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const ext = error.errors[0]?.extensions ?? {};
    if (ext.reason === 'RATE_LIMITED') {
      const seconds = Number(ext.retryAfterSeconds) || 60;
      return /from this client/.test(error.errors[0]?.message ?? '')
        ? t('track.tooFast', { wait: wait(t, seconds) })
        : t('track.rateLimited', { wait: wait(t, seconds) });
    }
  }
  if (ServerError.is(error) && error.statusCode === 429) {
    let seconds = 60;
    try {
      seconds =
        Number(
          (JSON.parse(error.bodyText) as { errors?: Array<{ extensions?: { retryAfterSeconds?: number } }> })
            .errors?.[0]?.extensions?.retryAfterSeconds,
        ) || 60;
    } catch {
      /* the default */
    }
    return t('track.tooFast', { wait: wait(t, seconds) });
  }
  if (error instanceof TypeError || ServerError.is(error)) return t('errors.NETWORK');
  return t('errors.UNKNOWN');
}

/**
 * Public tracking from a receipt (/track, /track?code=… from its QR code): the dossier code and the
 * verifier, then the status as steps in plain words, the due date and what happens next. An
 * unknown code and a wrong verifier get the same words, as the API gives them the same answer.
 */
export default function Track() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [verifier, setVerifier] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState<{ code?: boolean; verifier?: boolean }>({});
  const id = useId();
  const verifierRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // From a receipt's QR code the code is there: the verifier is what is left to type.
  useEffect(() => {
    if (params.get('code')) verifierRef.current?.focus();
  }, [params]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lacking = { code: !code.trim(), verifier: !verifier.trim() };
    setMissing(lacking);
    if (lacking.code) return codeRef.current?.focus();
    if (lacking.verifier) return verifierRef.current?.focus();
    setBusy(true);
    try {
      const { data } = await client.query({
        query: TrackQuery,
        variables: { code: code.trim(), verifier: verifier.trim() },
        fetchPolicy: 'network-only',
      });
      setOutcome(data?.trackDossier ? { found: data.trackDossier } : { message: t('track.notFound') });
    } catch (err) {
      setOutcome({ message: explainTracking(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pub">
      <h1>{t('track.title')}</h1>
      <p className="pub-lead">{t('track.lead')}</p>
      <div className="pub-grid">
        <section className="pub-card" aria-label={t('track.title')}>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor={`${id}-code`}>{t('fields.dossierCode')}</label>
            <input
              id={`${id}-code`}
              ref={codeRef}
              className="pub-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              required
              aria-invalid={missing.code || undefined}
              aria-describedby={missing.code ? `${id}-code-err` : undefined}
            />
            {missing.code && (
              <p id={`${id}-code-err`} className="pub-error" role="alert">
                {t('common.required', { field: t('fields.dossierCode') })}
              </p>
            )}
            <label htmlFor={`${id}-verifier`}>{t('fields.verifier')}</label>
            <input
              id={`${id}-verifier`}
              ref={verifierRef}
              className="pub-input"
              value={verifier}
              onChange={(e) => setVerifier(e.target.value)}
              autoComplete="off"
              inputMode="tel"
              required
              aria-invalid={missing.verifier || undefined}
              aria-describedby={`${id}-verifier-hint${missing.verifier ? ` ${id}-verifier-err` : ''}`}
            />
            <p id={`${id}-verifier-hint`} className="pub-hint">
              {t('track.verifierHint')}
            </p>
            {missing.verifier && (
              <p id={`${id}-verifier-err`} className="pub-error" role="alert">
                {t('common.required', { field: t('fields.verifier') })}
              </p>
            )}
            <button type="submit" className="pub-button" disabled={busy}>
              {busy ? t('track.searching') : t('track.submit')}
            </button>
          </form>
        </section>
        <div aria-live="polite" className="pub-result">
          {outcome && 'message' in outcome && (
            <p className="pub-message warn" role="alert">
              {outcome.message}
            </p>
          )}
          {outcome && 'found' in outcome && <Found dossier={outcome.found} />}
        </div>
      </div>
    </div>
  );
}

function Found({ dossier }: { dossier: Tracking }) {
  const { t } = useTranslation();
  const status = dossier.status;
  const at = status ? AT[status] : null;
  const steps: Step[] = status === 'NEW' || status === 'NOT_ACCEPTED' ? ['NEW', ...PATH] : [...PATH];
  const index = at ? steps.indexOf(at) : -1;
  // A dossier that ended off the usual path (refused, withdrawn, stopped) has no step after it.
  const ended = status === 'NOT_ACCEPTED' || status === 'WITHDRAWN' || status === 'STOPPED';
  const state = (i: number) =>
    i < index || (i === index && status === 'RETURNED') ? 'done' : i === index ? 'now' : 'later';
  return (
    <section className="pub-card" aria-labelledby="tracked">
      <h2 id="tracked">{t('track.result', { code: dossier.code })}</h2>
      <dl className="pub-facts">
        <dt>{t('track.procedure')}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t('track.status')}</dt>
        <dd data-testid="track-status">{status ? t(`status.${status}`) : '—'}</dd>
        <dt>{t('track.received')}</dt>
        <dd>{dateTime(dossier.receivedAt)}</dd>
        <dt>{t('track.due')}</dt>
        <dd>{dateTime(dossier.dueAt)}</dd>
      </dl>
      {status ? (
        <>
          <p className="pub-message info">{t(`track.now_.${status}`)}</p>
          <h3 className="pub-h3">{t('track.progress')}</h3>
          <ol className="pub-timeline">
            {(ended ? steps.slice(0, index + 1) : steps).map((step, i) => (
              <li key={step} className={state(i)} aria-current={state(i) === 'now' ? 'step' : undefined}>
                <span className="step">{i === index && ended ? t(`status.${status}`) : t(`track.steps.${step}`)}</span>
                <span className="state">({t(`track.${state(i)}`)})</span>
              </li>
            ))}
          </ol>
          <h3 className="pub-h3">{t('track.next')}</h3>
          <p>{t(`track.next_.${status}`)}</p>
        </>
      ) : (
        <p className="pub-message info">{t('track.unknownStatus')}</p>
      )}
      <p className="pub-hint">{t('track.privacy')}</p>
    </section>
  );
}
