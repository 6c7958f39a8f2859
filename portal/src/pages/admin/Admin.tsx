import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Guard } from '../../Guard';
import { NotFound } from '../Later';
import Centres from './Centres';
import Procedures from './Procedures';
import Calendar from './Calendar';
import Events from './Events';
import './admin.css';

/** Reference data for administrators: centres, procedures, calendar, failed events (/admin/*). ADMIN only. */
export default function Admin() {
  const { t } = useTranslation();
  const tabs = ['centres', 'procedures', 'calendar', 'events'] as const;
  return (
    <Guard roles={['ADMIN']} page={t('nav.admin')}>
      <nav aria-label={t('admin.menu')} className="admin-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={`/admin/${tab}`}>{t(`admin.tabs.${tab}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="centres" replace />} />
        <Route path="centres" element={<Centres />} />
        <Route path="procedures" element={<Procedures />} />
        <Route path="calendar" element={<Calendar />} />
        <Route path="events" element={<Events />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Guard>
  );
}
