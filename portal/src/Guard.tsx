import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from './session';

/** A page for some roles: anyone else is told so in words, with the way back. */
export function Guard({
  roles,
  page,
  children,
  signInText,
}: {
  roles: Role[];
  page: string;
  children: ReactNode;
  signInText?: string;
}) {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <div role="status" aria-label={t('common.loading')}>
        <Spin />
      </div>
    );
  if (!user) {
    return (
      <Result
        status="403"
        title={<h1>{t('guard.signInTitle')}</h1>}
        subTitle={signInText ?? t('guard.signInText')}
        extra={
          <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
            <Button type="primary">{t('nav.signIn')}</Button>
          </Link>
        }
      />
    );
  }
  if (!roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={<h1>{t('guard.forbiddenTitle')}</h1>}
        subTitle={t('guard.forbiddenText', { page, roles: roles.map((r) => t(`roles.${r}`)).join(', ') })}
        extra={
          <Link to="/">
            <Button>{t('guard.goHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
