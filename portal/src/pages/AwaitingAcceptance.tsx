import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { dateTime } from '../format';
import { explain } from '../errors';

const Awaiting = graphql(`
  query AwaitingAcceptance($centreId: ID) {
    awaitingAcceptance(centreId: $centreId) {
      id code submittedAt status
      procedure { code name }
      applicant { fullName identityNumber }
    }
  }
`);

const Accept = graphql(`
  mutation AcceptOnline($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id code status nationalStatusCode dueAt } }
`);

const Refuse = graphql(`
  mutation RefuseAtCounter($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }
`);

/** Online dossiers (national code 1) at the officer's centre, to accept or refuse with a reason and a printed slip. */
export function AwaitingAcceptance({ centreId }: { centreId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(Awaiting, {
    variables: { centreId },
    skip: !centreId,
    pollInterval: 30_000,
  });
  const [accept] = useMutation(Accept);
  const [refuse, { loading: refusing }] = useMutation(Refuse);
  const [refusing_, setRefusing] = useState<{ id: string; code: string } | null>(null);
  const [refused, setRefused] = useState<{ id: string; code: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const onAccept = async (d: { id: string; code: string }) => {
    try {
      await accept({ variables: { dossierId: d.id } });
      void message.success(t('counter.accepted', { code: d.code }));
      void refetch();
    } catch (err) {
      void message.error(explain(t, err));
    }
  };

  const onRefuse = async ({ reason }: { reason: string }) => {
    if (!refusing_) return;
    try {
      await refuse({ variables: { dossierId: refusing_.id, reason } });
      setRefused(refusing_);
      setRefusing(null);
      form.resetFields();
      void refetch();
    } catch (err) {
      setFailure(explain(t, err));
    }
  };

  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('counter.awaitingTitle')}</h2>}>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      {refused && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setRefused(null)}
          title={t('counter.refused', { code: refused.code })}
          action={
            <a href={`/processing/dossiers/${refused.id}/refusal-slip`} target="_blank" rel="noreferrer">
              {t('counter.refusalSlip')}
            </a>
          }
        />
      )}
      <List
        loading={loading && !data}
        locale={{ emptyText: t('counter.awaitingEmpty') }}
        dataSource={data?.awaitingAcceptance ?? []}
        renderItem={(d) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Link to={`/dossiers/${d.id}`}>{d.code}</Link>
              <Typography.Text>{d.procedure.name}</Typography.Text>
              <Typography.Text type="secondary">
                {d.applicant.fullName} · {dateTime(d.submittedAt)}
              </Typography.Text>
              <Space>
                <Button size="small" type="primary" onClick={() => void onAccept(d)}>
                  {t('counter.accept')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    setFailure(null);
                    setRefusing(d);
                  }}
                >
                  {t('counter.refuse')}
                </Button>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={!!refusing_}
        title={t('counter.refuseTitle', { code: refusing_?.code ?? '' })}
        onCancel={() => setRefusing(null)}
        okText={t('counter.refuse')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: refusing, htmlType: 'submit', form: 'refuse-form' }}
        destroyOnHidden
      >
        <Form form={form} id="refuse-form" layout="vertical" onFinish={onRefuse}>
          <Form.Item
            label={t('fields.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.reason') }) }]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
          {failure && <Alert role="alert" type="error" showIcon title={failure} />}
        </Form>
      </Modal>
    </Card>
  );
}
