import { Space, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../format';

/** Pieces of a dossier shown alike to its officers (/dossiers/:id) and its applicant (/me). */

interface HistoryLine {
  action: string;
  actor: string;
  actorRole?: string | null;
  at: string;
  note?: string | null;
  stepCode?: string | null;
  stepOutcome?: string | null;
}

/** The control slip (phiếu kiểm soát) as a timeline in words. */
export function HistoryTimeline({
  history,
  steps,
}: {
  history: HistoryLine[];
  steps?: Array<{ code: string; name: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: i,
        color: h.stepOutcome === 'LATE' ? 'red' : 'blue',
        content: (
          <>
            <strong>{dateTime(h.at)}</strong> — {t(`history.${h.action}`, { defaultValue: h.action })}
            {h.stepCode ? ` «${steps?.find((st) => st.code === h.stepCode)?.name ?? h.stepCode}»` : ''} · {h.actor}
            {h.actorRole ? ` (${t(`roles.${h.actorRole}`, { defaultValue: h.actorRole })})` : ''}
            {h.stepOutcome && <> · {t(`dossier.outcome.${h.stepOutcome}`)}</>}
            {h.note && <div>{h.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/** Every printable slip the dossier has now (each a PDF; the slips of decisions signed with the centre's certificate). */
export function SlipLinks({
  d,
}: {
  d: { id: string; receivedAt?: string | null; status?: string | null; apologies: unknown[] };
}) {
  const { t } = useTranslation();
  const link = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
  return (
    <Space orientation="vertical">
      {d.receivedAt && link(`/intake/receipts/${d.id}`, t('dossier.receipt'))}
      {link(`/processing/dossiers/${d.id}/control-slip`, t('dossier.controlSlip'))}
      {d.status === 'SUPPLEMENT_REQUESTED' &&
        link(`/processing/dossiers/${d.id}/supplement-request`, t('dossier.supplementSlip'))}
      {d.status === 'NOT_ACCEPTED' && link(`/processing/dossiers/${d.id}/refusal-slip`, t('dossier.refusalSlip'))}
      {d.status === 'STOPPED' && link(`/processing/dossiers/${d.id}/stop-slip`, t('dossier.stopSlip'))}
      {d.status === 'WITHDRAWN' && link(`/processing/dossiers/${d.id}/withdrawal-slip`, t('dossier.withdrawalSlip'))}
      {d.apologies.length > 0 && link(`/processing/dossiers/${d.id}/apology-letter`, t('dossier.apologyLetter'))}
    </Space>
  );
}
