import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes, Link } from 'react-router';
import { ConfigProvider, App as AntApp, Button, Select, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from './session';
import { Guard } from './Guard';
import { Home } from './pages/Home';
import { Login } from './pages/Login';
import { NotFound } from './pages/Later';

const Counter = lazy(() => import('./pages/Counter'));
const Inbox = lazy(() => import('./pages/Inbox'));
const Dossier = lazy(() => import('./pages/Dossier'));
const Returns = lazy(() => import('./pages/Returns'));
const Track = lazy(() => import('./pages/Track'));
const Procedure = lazy(() => import('./pages/Procedure'));
const Me = lazy(() => import('./pages/Me'));
const MeSubmit = lazy(() => import('./pages/MeSubmit'));
const Dashboard = lazy(() => import('./pages/Dashboard'));
const Admin = lazy(() => import('./pages/admin/Admin'));

/** The centre's red; secondary texts dark enough for WCAG AA contrast (axe's color-contrast). */
const THEME = {
  token: {
    colorPrimary: '#8b1a1a', colorLink: '#8b1a1a',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextDescription: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

const OFFICERS: Role[] = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN', 'OBSERVER'];

export function App() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (
    <ConfigProvider locale={english ? enUS : viVN} theme={THEME}>
      <AntApp>
        <a className="skip-link" href="#main">{t('app.skip')}</a>
        <Header />
        <main id="main" className="portal-main" tabIndex={-1}>
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/login" element={<Login />} />
              <Route path="/counter" element={<Guard roles={['INTAKE_OFFICER']} page={t('nav.counter')}><Counter /></Guard>} />
              <Route path="/inbox" element={<Guard roles={OFFICERS} page={t('nav.inbox')}><Inbox /></Guard>} />
              <Route path="/dossiers/:id" element={<Guard roles={[...OFFICERS, 'CITIZEN']} page={t('dossier.data')}><Dossier /></Guard>} />
              <Route path="/returns" element={<Guard roles={['INTAKE_OFFICER']} page={t('nav.returns')}><Returns /></Guard>} />
              <Route path="/track" element={<Track />} />
              <Route path="/procedures/:code" element={<Procedure />} />
              <Route path="/me" element={<Me />} />
              <Route path="/me/submit" element={<MeSubmit />} />
              <Route path="/dashboard" element={<Dashboard />} />
              <Route path="/admin/*" element={<Admin />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </main>
      </AntApp>
    </ConfigProvider>
  );
}

function Header() {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const links: Array<[string, string, Role[]]> = [
    ['/counter', t('nav.counter'), ['INTAKE_OFFICER']],
    ['/inbox', t('nav.inbox'), OFFICERS],
    ['/returns', t('nav.returns'), ['INTAKE_OFFICER']],
    ['/dashboard', t('nav.dashboard'), ['LEADER', 'OBSERVER', 'ADMIN']],
    ['/admin/centres', t('nav.admin'), ['ADMIN']],
    ['/me', t('nav.me'), ['CITIZEN']],
    ['/me/submit', t('nav.submit'), ['CITIZEN']],
  ];
  return (
    <header className="portal-header no-print">
      <Link to="/" className="brand">{t('app.title')}</Link>
      {user && (
        <nav aria-label={t('nav.menu')}>
          <ul>
            {links.filter(([, , roles]) => roles.includes(user.role)).map(([to, label]) => (
              <li key={to}><NavLink to={to}>{label}</NavLink></li>
            ))}
          </ul>
        </nav>
      )}
      <Select
        size="small"
        aria-label={t('nav.language')}
        value={i18n.resolvedLanguage === 'en' ? 'en' : 'vi'}
        onChange={(lng) => void i18n.changeLanguage(lng)}
        options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]}
        style={{ width: 110 }}
      />
      {user ? (
        <>
          <span className="user">{user.name} · {t(`roles.${user.role}`)}</span>
          <Button size="small" onClick={() => void signOut().then(() => { window.location.href = '/'; })}>{t('nav.signOut')}</Button>
        </>
      ) : (
        <Link to="/login">{t('nav.signIn')}</Link>
      )}
    </header>
  );
}
