import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type Deadline = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'PAUSED';

/** The deadline state of a dossier: the SLA's, or paused while its clock is stopped. */
export function deadlineOf(d: {
  dueAt?: string | null;
  sla?: { state: string } | null;
  status?: string | null;
}): Deadline {
  if (!d.dueAt || d.status === 'SUPPLEMENT_REQUESTED' || d.status === 'FINANCIAL_OBLIGATION') return 'PAUSED';
  return (d.sla?.state as Deadline | undefined) ?? 'ON_TRACK';
}

// Colours with text beside them: the state is never told by colour alone.
const COLOURS: Record<Deadline, string> = { ON_TRACK: 'green', DUE_SOON: 'orange', OVERDUE: 'red', PAUSED: 'default' };

export function DeadlineTag({ state }: { state: Deadline }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} data-deadline={state}>
      {t(`sla.${state}`)}
    </Tag>
  );
}

export function TimeLeft({ hours }: { hours?: number | null }) {
  const { t } = useTranslation();
  if (hours == null) return <>—</>;
  const count = Math.abs(Math.round(hours * 10) / 10);
  return <>{hours < 0 ? t('common.overdueBy', { count }) : t('common.hours', { count })}</>;
}
