import { Button, Result } from 'antd';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Pages of the portal's second part: a polite word instead of a blank screen. */
export function Later() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Result
      status="info"
      title={<h1>{t('later.title')}</h1>}
      subTitle={t('later.text', { page: pathname })}
      extra={
        <Link to="/">
          <Button type="primary">{t('guard.goHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1>{t('notFound.title')}</h1>}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('guard.goHome')}</Button>
        </Link>
      }
    />
  );
}
