import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { homeOf, useSession, type Role } from '../session';

interface DemoUser {
  id: string;
  name: string;
  role: Role;
  centre?: string;
  centreName?: string;
}
interface SignInOptions {
  identityProvider: boolean;
  demoUsers: boolean;
}

/**
 * The identity provider's sign-in when the gateway has one (it runs the sign-in and comes back
 * here with `?error=` when it failed); in development also the demo province's users, one button
 * each: the gateway signs the token and sets the cookie.
 */
export function Login() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [failed, setFailed] = useState(false);
  const error = params.get('error');
  const next = params.get('next');

  useEffect(() => {
    void fetch('/auth/options')
      .then(async (res) => {
        const found = (await res.json()) as SignInOptions;
        if (found.demoUsers)
          setUsers(((await (await fetch('/auth/demo-users')).json()) as { users: DemoUser[] }).users);
        setOptions(found);
      })
      .catch(() => setFailed(true));
  }, []);

  const signIn = async (user: DemoUser) => {
    const res = await fetch('/auth/demo-session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.id }),
    });
    if (!res.ok) return setFailed(true);
    await refresh();
    // void: react-router's navigate returns a promise only for its data routers, which the portal does not use
    void navigate(next?.startsWith('/') ? next : homeOf(user.role));
  };

  if (!options && !failed)
    return (
      <div role="status" aria-label={t('login.redirecting')}>
        <Spin />
      </div>
    );
  const centres = [...new Set((users ?? []).filter((u) => u.centre).map((u) => u.centre!))];
  return (
    <>
      <Typography.Title>{t('login.title')}</Typography.Title>
      {(failed || error === 'failed') && <Alert type="error" showIcon title={t('login.failed')} />}
      {error === 'no-role' && <Alert type="warning" showIcon title={t('login.noRole')} />}
      {options && !options.identityProvider && !options.demoUsers && (
        <Alert type="info" showIcon title={t('login.unavailable')} />
      )}
      {options?.identityProvider && (
        <Card style={{ maxWidth: 480, marginBottom: 24 }}>
          <Typography.Paragraph>{t('login.identityProviderHint')}</Typography.Paragraph>
          {/* a navigation, not a fetch: the browser goes to the provider and comes back to the gateway */}
          <Button
            type="primary"
            size="large"
            block
            href={`/auth/login?returnTo=${encodeURIComponent(next?.startsWith('/') ? next : '/')}`}
          >
            {t('login.identityProvider')}
          </Button>
        </Card>
      )}
      {users && (
        <Typography.Paragraph>
          <strong>{t('login.demo')}</strong>. {t('login.demoHint')}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]}>
        {centres.map((code) => {
          const here = users!.filter((u) => u.centre === code);
          return (
            <Col key={code} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={
                  <h2 style={{ margin: 0, fontSize: 14, whiteSpace: 'normal' }}>
                    {here[0].centreName} ({code})
                  </h2>
                }
              >
                {here.map((u) => (
                  <Button
                    key={u.id}
                    data-user={u.id}
                    block
                    style={{
                      marginBottom: 6,
                      whiteSpace: 'normal',
                      height: 'auto',
                      minHeight: 32,
                      padding: '4px 12px',
                      justifyContent: 'flex-start',
                      textAlign: 'left',
                    }}
                    onClick={() => void signIn(u)}
                  >
                    {t(`roles.${u.role}`)} — {u.name}
                  </Button>
                ))}
              </Card>
            </Col>
          );
        })}
        {users
          ?.filter((u) => !u.centre)
          .map((u) => (
            <Col key={u.id} xs={24} md={12} xl={8}>
              <Button block data-user={u.id} onClick={() => void signIn(u)}>
                {t(`roles.${u.role}`)} — {u.name}
              </Button>
            </Col>
          ))}
      </Row>
    </>
  );
}
