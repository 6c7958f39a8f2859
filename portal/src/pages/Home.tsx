import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { homeOf, useSession } from '../session';

const ProcedureCount = graphql(`query FrontPageProcedures { procedures { id code } }`);

/** The front page: tracking, sign-in, the catalogue's size. Part 2 of the portal grows it. */
export function Home() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { data } = useQuery(ProcedureCount);
  return (
    <>
      <Typography.Title>{t('home.title')}</Typography.Title>
      <Typography.Paragraph>{t('home.lead')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('home.track')}</h2>}>
            <Typography.Paragraph>{t('home.trackText')}</Typography.Paragraph>
            <Form layout="vertical" onFinish={(v: { code: string }) => navigate(`/track?code=${encodeURIComponent(v.code.trim())}`)}>
              <Form.Item label={t('fields.dossierCode')} name="code" rules={[{ required: true, message: t('common.required', { field: t('fields.dossierCode') }) }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit">{t('common.search')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{user ? t('home.signedInAs', { name: user.name, role: t(`roles.${user.role}`) }) : t('home.signIn')}</h2>}>
            {user ? (
              <Link to={homeOf(user.role)}><Button type="primary">{t('home.workspace')}</Button></Link>
            ) : (
              <Link to="/login"><Button type="primary">{t('nav.signIn')}</Button></Link>
            )}
            <Typography.Paragraph style={{ marginTop: 16 }}>
              {t('home.procedures')}: {t('home.proceduresCount', { count: data?.procedures.length ?? 0 })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
