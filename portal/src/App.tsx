import { lazy, Suspense } from 'react';
import { NavLink, Outlet, Route, Routes, Link } from 'react-router';
import { ConfigProvider, Button } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from './session';

// Every page is a chunk of its own, and so is what only signed-in users' pages need (antd's App
// with its messages and modals, the guard): a first visit of a public page loads none of it
// (scripts/portal-weight.ts measures it, test/portal-weight.test.ts holds the budget).
const Guard = lazy(() => import('./Guard').then((m) => ({ default: m.Guard })));
const Login = lazy(() => import('./pages/Login').then((m) => ({ default: m.Login })));
const NotFound = lazy(() => import('./pages/Later').then((m) => ({ default: m.NotFound })));
const Workspace = lazy(() => import('./Workspace'));

const Home = lazy(() => import('./pages/Home'));
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
    colorPrimary: '#8b1a1a',
    colorLink: '#8b1a1a',
    colorError: '#b3261e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

const OFFICERS: Role[] = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN', 'OBSERVER'];

export function App() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (
    <ConfigProvider locale={english ? enUS : viVN} theme={THEME}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" className="portal-main" tabIndex={-1}>
        <Suspense
          fallback={
            <p role="status" className="loading">
              {t('common.loading')}
            </p>
          }
        >
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/track" element={<Track />} />
            <Route path="/procedures/:code" element={<Procedure />} />
            <Route
              element={
                <Workspace>
                  <Outlet />
                </Workspace>
              }
            >
              <Route path="/login" element={<Login />} />
              <Route
                path="/counter"
                element={
                  <Guard roles={['INTAKE_OFFICER']} page={t('nav.counter')}>
                    <Counter />
                  </Guard>
                }
              />
              <Route
                path="/inbox"
                element={
                  <Guard roles={OFFICERS} page={t('nav.inbox')}>
                    <Inbox />
                  </Guard>
                }
              />
              <Route
                path="/dossiers/:id"
                element={
                  <Guard roles={[...OFFICERS, 'CITIZEN']} page={t('dossier.data')}>
                    <Dossier />
                  </Guard>
                }
              />
              <Route
                path="/returns"
                element={
                  <Guard roles={['INTAKE_OFFICER']} page={t('nav.returns')}>
                    <Returns />
                  </Guard>
                }
              />
              <Route path="/me" element={<Me />} />
              <Route path="/me/submit" element={<MeSubmit />} />
              <Route path="/dashboard" element={<Dashboard />} />
              <Route path="/admin/*" element={<Admin />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
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
      <Link to="/" className="brand">
        {t('app.title')}
      </Link>
      {user && (
        <nav aria-label={t('nav.menu')}>
          <ul>
            {links
              .filter(([, , roles]) => roles.includes(user.role))
              .map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to}>{label}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
      )}
      {/* The browser's own select: light, and the phone's native picker. */}
      <select
        className="language"
        aria-label={t('nav.language')}
        value={i18n.resolvedLanguage === 'en' ? 'en' : 'vi'}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
      >
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
      {user ? (
        <>
          <span className="user">
            {user.name} · {t(`roles.${user.role}`)}
          </span>
          <Button
            size="small"
            onClick={() =>
              void signOut().then(() => {
                window.location.href = '/';
              })
            }
          >
            {t('nav.signOut')}
          </Button>
        </>
      ) : (
        <Link to="/login">{t('nav.signIn')}</Link>
      )}
    </header>
  );
}
