import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { OnlineApplicantQuery, SubmitOnlineMutation } from '../gql/graphql';
import { fileSize, fold } from '../format';
import { explain } from '../errors';
import { Guard } from '../Guard';
import { useSession } from '../session';
import { ComponentPicker, documentInput, MAX_BYTES, usableRecords, type Choice } from './component-picker';

const Catalogue = graphql(`
  query OnlineCatalogue {
    centres { id code name level parent { id } }
    procedures { id code name sector levels feeVnd processingTime { amount unit } components { code name required documentType } }
  }
`);

const OnlineApplicant = graphql(`
  query OnlineApplicant($identityNumber: String!) {
    applicant(identityNumber: $identityNumber) {
      id fullName phone email address
      records { id documentType title sizeBytes mimeType validUntil digitisedAt { id code name } }
    }
  }
`);

const SubmitOnline = graphql(`
  mutation SubmitOnline($input: SubmitDossierInput!) {
    submitDossier(input: $input) {
      id code status nationalStatusCode submittedAt
      procedure { code name }
      receivingCentre { id name }
    }
  }
`);

type Rec = NonNullable<OnlineApplicantQuery['applicant']>['records'][number];
type Sent = SubmitOnlineMutation['submitDossier'];

interface Values {
  procedureCode: string;
  centreId: string;
  fullName: string;
  phone?: string;
  email?: string;
  address?: string;
  docs?: Record<string, Choice<Rec> | undefined>;
  deliveryMethod: 'ONLINE' | 'COUNTER' | 'POST';
  deliveryAddress?: string;
}

const h2 = { margin: 0, fontSize: 16 } as const;

/** Online submission by a citizen, service level 4 (/me/submit; ?procedure=<code> pre-selects it). */
export default function MeSubmit() {
  const { t } = useTranslation();
  return (
    <Guard roles={['CITIZEN']} page={t('nav.submit')} signInText={t('meSubmit.lead')}>
      <SubmitPage />
    </Guard>
  );
}

function SubmitPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { data: catalogue } = useQuery(Catalogue);
  const identityNumber = user?.identityNumber ?? '';
  const { data: me } = useQuery(OnlineApplicant, { variables: { identityNumber }, skip: !identityNumber });
  const [submit, { loading }] = useMutation(SubmitOnline);
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  // One key per submission: a double click or a retry after a lost answer yields one dossier.
  const idempotencyKey = useRef(crypto.randomUUID());

  const procedureCode = Form.useWatch('procedureCode', form);
  const deliveryMethod = Form.useWatch('deliveryMethod', form);
  const procedures = useMemo(() => catalogue?.procedures ?? [], [catalogue]);
  const procedure = procedures.find((p) => p.code === procedureCode);
  const centres = (catalogue?.centres ?? []).filter((c) => !procedure || procedure.levels.includes(c.level));

  // ?procedure=<code> (the public procedure page's button) and the applicant's known details fill the form.
  const wanted = params.get('procedure');
  useEffect(() => {
    if (wanted && procedures.some((p) => p.code === wanted) && !form.getFieldValue('procedureCode'))
      form.setFieldsValue({ procedureCode: wanted });
  }, [wanted, procedures, form]);
  useEffect(() => {
    if (procedure && !centres.some((c) => c.id === form.getFieldValue('centreId'))) {
      form.setFieldsValue({ centreId: (centres.find((c) => !c.parent) ?? centres[0])?.id });
    }
  }, [procedure, centres, form]);
  const applicant = me?.applicant;
  useEffect(() => {
    if (applicant)
      form.setFieldsValue({
        fullName: applicant.fullName,
        phone: applicant.phone ?? undefined,
        email: applicant.email ?? undefined,
        address: applicant.address ?? undefined,
      });
    else if (user) form.setFieldsValue({ fullName: form.getFieldValue('fullName') || user.name });
  }, [applicant, user, form]);

  const onFinish = async (v: Values) => {
    if (!procedure) return;
    setFailure(null);
    try {
      const documents = await Promise.all(
        procedure.components.flatMap((c) => {
          const choice = v.docs?.[c.code];
          return choice ? [documentInput(c, choice)] : [];
        }),
      );
      const { data } = await submit({
        variables: {
          input: {
            procedureCode: procedure.code,
            centreId: v.centreId,
            channel: 'ONLINE',
            applicant: {
              kind: 'CITIZEN',
              identityNumber,
              fullName: v.fullName.trim(),
              phone: v.phone || null,
              email: v.email || null,
              address: v.address || null,
            },
            documents,
            delivery: { method: v.deliveryMethod, address: v.deliveryMethod === 'POST' ? v.deliveryAddress : null },
            idempotencyKey: idempotencyKey.current,
          },
        },
      });
      if (data) setSent(data.submitDossier);
    } catch (err) {
      setFailure(explain(t, err));
    }
  };

  if (sent) {
    return (
      <Result
        status="success"
        title={<h1 style={{ fontSize: 24 }}>{t('meSubmit.sentTitle', { code: sent.code })}</h1>}
        subTitle={
          <span role="status" data-testid="sent-text">
            {t('meSubmit.sentText')}
          </span>
        }
        extra={[
          <Link key="me" to="/me">
            <Button type="primary">{t('meSubmit.toMe')}</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setSent(null);
              idempotencyKey.current = crypto.randomUUID();
              form.resetFields();
            }}
          >
            {t('meSubmit.another')}
          </Button>,
        ]}
      >
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'code',
              label: t('fields.dossierCode'),
              children: <strong data-testid="sent-code">{sent.code}</strong>,
            },
            { key: 'procedure', label: t('fields.procedure'), children: sent.procedure.name },
            { key: 'centre', label: t('fields.centre'), children: sent.receivingCentre.name },
            {
              key: 'status',
              label: t('fields.status'),
              children: (
                <Tag color="blue">
                  {sent.status ? t(`status.${sent.status}`) : '—'} ({sent.nationalStatusCode ?? 1})
                </Tag>
              ),
            },
          ]}
        />
      </Result>
    );
  }

  const options = procedures.map((p) => ({
    value: p.code,
    label: `${p.name} (${p.code})`,
    search: fold(`${p.name} ${p.code} ${p.sector}`),
  }));
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <>
      <Typography.Title>{t('meSubmit.title')}</Typography.Title>
      <Typography.Paragraph>{t('meSubmit.lead')}</Typography.Paragraph>
      <Row>
        <Col xs={24} xl={18}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ deliveryMethod: 'ONLINE' }}
            scrollToFirstError={{ focus: true }}
            requiredMark
          >
            <Card size="small" title={<h2 style={h2}>{t('meSubmit.procedureTitle')}</h2>}>
              <Form.Item
                label={t('fields.procedure')}
                name="procedureCode"
                extra={t('meSubmit.procedureHint')}
                rules={[{ required: true, message: t('common.required', { field: t('fields.procedure') }) }]}
              >
                <Select
                  showSearch={{ filterOption: (input, option) => !!option?.search.includes(fold(input.trim())) }}
                  options={options}
                  placeholder={t('meSubmit.procedureHint')}
                />
              </Form.Item>
              {procedure && (
                <Typography.Paragraph type="secondary" data-testid="procedure-facts">
                  {procedure.sector} · {t('meSubmit.fee', { fee: `${procedure.feeVnd.toLocaleString('vi-VN')} ₫` })} ·{' '}
                  {t('meSubmit.time', {
                    time: t(`units.${procedure.processingTime.unit}`, { count: procedure.processingTime.amount }),
                  })}
                </Typography.Paragraph>
              )}
              <Form.Item
                label={t('meSubmit.centre')}
                name="centreId"
                extra={t('meSubmit.centreHint')}
                rules={[{ required: true, message: t('common.required', { field: t('meSubmit.centre') }) }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={centres.map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
            </Card>
            <Card size="small" style={{ marginTop: 12 }} title={<h2 style={h2}>{t('meSubmit.applicantTitle')}</h2>}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('fields.identityNumber')}
                    htmlFor="me-identity-number"
                    extra={t('meSubmit.applicantHint')}
                  >
                    <Input id="me-identity-number" value={identityNumber} readOnly data-testid="identity-number" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('fields.fullName')} name="fullName" rules={required(t('fields.fullName'))}>
                    <Input autoComplete="name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('fields.phone')} name="phone">
                    <Input inputMode="tel" autoComplete="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('fields.email')}
                    name="email"
                    rules={[{ type: 'email', message: t('errors.BAD_USER_INPUT') }]}
                  >
                    <Input autoComplete="email" />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item label={t('fields.address')} name="address">
                    <Input autoComplete="street-address" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            {procedure && (
              <Card size="small" style={{ marginTop: 12 }} title={<h2 style={h2}>{t('meSubmit.componentsTitle')}</h2>}>
                <Typography.Paragraph type="secondary">
                  {t('meSubmit.componentsHint')} {t('counter.uploadLimits', { max: fileSize(MAX_BYTES) })}
                </Typography.Paragraph>
                {procedure.components.map((c) => (
                  <Form.Item
                    key={`${procedure.code}-${c.code}`}
                    name={['docs', c.code]}
                    label={c.name}
                    tooltip={c.required ? t('counter.requiredTag') : t('counter.optionalTag')}
                    rules={c.required ? [{ required: true, message: t('counter.missing', { name: c.name }) }] : []}
                  >
                    <ComponentPicker records={usableRecords(applicant?.records ?? [], c.documentType)} />
                  </Form.Item>
                ))}
              </Card>
            )}
            <Card size="small" style={{ marginTop: 12 }} title={<h2 style={h2}>{t('meSubmit.deliveryTitle')}</h2>}>
              <Form.Item label={t('fields.deliveryMethod')} name="deliveryMethod" rules={[{ required: true }]}>
                <Radio.Group
                  options={(['ONLINE', 'COUNTER', 'POST'] as const).map((m) => ({
                    value: m,
                    label: t(`delivery.${m}`),
                  }))}
                />
              </Form.Item>
              {deliveryMethod === 'POST' && (
                <Form.Item
                  label={t('fields.deliveryAddress')}
                  name="deliveryAddress"
                  rules={required(t('fields.deliveryAddress'))}
                >
                  <Input autoComplete="street-address" />
                </Form.Item>
              )}
            </Card>
            {failure && <Alert role="alert" type="error" showIcon style={{ marginTop: 12 }} title={failure} />}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={loading}
              disabled={loading}
              style={{ marginTop: 12 }}
            >
              {loading ? t('meSubmit.submitting') : t('meSubmit.submit')}
            </Button>
          </Form>
        </Col>
      </Row>
    </>
  );
}
