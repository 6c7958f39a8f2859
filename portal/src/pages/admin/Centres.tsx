import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AdminCentresQuery, CentreLevel } from '../../gql/graphql';
import { explain } from '../../errors';

const CentresQuery = graphql(`
  query AdminCentres { centres { id code name level parent { id } } }
`);
const CreateCentre = graphql(`
  mutation AdminCreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }
`);
const RenameCentre = graphql(`
  mutation AdminRenameCentre($centreId: ID!, $name: String!) { renameCentre(centreId: $centreId, name: $name) { id code name } }
`);
const MoveCentre = graphql(`
  mutation AdminMoveCentre($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id } } }
`);

type Centre = AdminCentresQuery['centres'][number];
const LEVELS: CentreLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const rank = (l: CentreLevel) => LEVELS.indexOf(l);

/** The centre tree: create, rename, move (the 2025 mergers of communes and provinces). */
export default function Centres() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CentresQuery);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const centres = useMemo(() => data?.centres ?? [], [data]);
  const byParent = useMemo(() => {
    const map = new Map<string | null, Centre[]>();
    for (const c of centres) map.set(c.parent?.id ?? null, [...(map.get(c.parent?.id ?? null) ?? []), c]);
    return map;
  }, [centres]);
  const selected = centres.find((c) => c.id === selectedId) ?? null;

  const branch = (parentId: string | null) => {
    const children = byParent.get(parentId) ?? [];
    if (!children.length) return null;
    return (
      <ul>
        {children.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="admin-centre"
              aria-pressed={c.id === selectedId}
              onClick={() => setSelectedId(c.id)}
            >
              <span className="name">{c.name}</span>{' '}
              <span className="meta">
                {c.code} · {t(`admin.level.${c.level}`)}
              </span>
            </button>
            {branch(c.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <Typography.Title>{t('admin.centres.title')}</Typography.Title>
      <Typography.Paragraph>{t('admin.centres.lead')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={explain(t, error)} />}
      <div className="admin-columns">
        <Card title={<h2 className="card-title">{t('admin.centres.tree')}</h2>} loading={loading && !data}>
          <div className="admin-tree">{branch(null)}</div>
        </Card>
        <div>
          {selected ? (
            <>
              <Typography.Paragraph strong aria-live="polite">
                {t('admin.centres.selected', { name: selected.name, code: selected.code })}
              </Typography.Paragraph>
              <RenameForm key={`r-${selected.id}`} centre={selected} onDone={() => void refetch()} />
              <MoveForm key={`m-${selected.id}`} centre={selected} centres={centres} onDone={() => void refetch()} />
            </>
          ) : (
            <Alert type="info" showIcon title={t('admin.centres.pick')} />
          )}
          <CreateForm
            key={`c-${selected?.id ?? 'root'}`}
            parent={selected}
            onDone={(id) => {
              void refetch();
              setSelectedId(id);
            }}
          />
        </div>
      </div>
    </>
  );
}

function RenameForm({ centre, onDone }: { centre: Centre; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rename, { loading, error }] = useMutation(RenameCentre);
  return (
    <Card size="small" title={<h2 className="card-title">{t('admin.centres.rename')}</h2>} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={explain(t, error)} style={{ marginBottom: 8 }} />}
      <Form
        name="rename"
        layout="vertical"
        initialValues={{ name: centre.name }}
        onFinish={async ({ name }: { name: string }) => {
          const res = await rename({ variables: { centreId: centre.id, name } }).catch(() => null);
          if (res?.data) {
            void message.success(t('admin.centres.renamed', { name: res.data.renameCentre.name }));
            onDone();
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('admin.centres.newName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('admin.centres.newName') }) },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('admin.centres.rename')}
        </Button>
      </Form>
    </Card>
  );
}

function MoveForm({ centre, centres, onDone }: { centre: Centre; centres: Centre[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [move, { loading, error }] = useMutation(MoveCentre);
  // Candidates: a higher level, and not the centre itself or one below it (the server says the same).
  const below = new Set<string>([centre.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of centres)
      if (c.parent && below.has(c.parent.id) && !below.has(c.id)) {
        below.add(c.id);
        grew = true;
      }
  }
  const options = [
    { value: '', label: t('admin.centres.root') },
    ...centres
      .filter((c) => !below.has(c.id) && rank(c.level) < rank(centre.level))
      .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
  ];
  return (
    <Card size="small" title={<h2 className="card-title">{t('admin.centres.move')}</h2>} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={explain(t, error)} style={{ marginBottom: 8 }} />}
      <Form
        name="move"
        layout="vertical"
        initialValues={{ parentId: centre.parent?.id ?? '' }}
        onFinish={async ({ parentId }: { parentId: string }) => {
          const res = await move({ variables: { centreId: centre.id, parentId: parentId || null } }).catch(() => null);
          if (res?.data) {
            void message.success(
              t('admin.centres.moved', {
                name: centre.name,
                parent: options.find((o) => o.value === parentId)?.label ?? '',
              }),
            );
            onDone();
          }
        }}
      >
        <Form.Item name="parentId" label={t('admin.centres.newParent')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('admin.centres.move')}
        </Button>
      </Form>
    </Card>
  );
}

function CreateForm({ parent, onDone }: { parent: Centre | null; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [create, { loading, error }] = useMutation(CreateCentre);
  const levels = LEVELS.filter((l) => !parent || rank(l) > rank(parent.level));
  const title = parent ? t('admin.centres.createUnder', { name: parent.name }) : t('admin.centres.createRoot');
  if (!levels.length) return null;
  return (
    <Card size="small" title={<h2 className="card-title">{title}</h2>}>
      {error && <Alert type="error" showIcon title={explain(t, error)} style={{ marginBottom: 8 }} />}
      <Form
        name="create"
        form={form}
        layout="vertical"
        initialValues={{ level: levels[levels.length - 1] }}
        onFinish={async (v: { code: string; name: string; level: CentreLevel }) => {
          const res = await create({
            variables: { input: { code: v.code.trim(), name: v.name, level: v.level, parentId: parent?.id ?? null } },
          }).catch(() => null);
          if (res?.data) {
            void message.success(t('admin.centres.created', { name: res.data.createCentre.name }));
            form.resetFields();
            onDone(res.data.createCentre.id);
          }
        }}
      >
        <Form.Item
          name="code"
          label={t('admin.centres.code')}
          extra={t('admin.centres.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('admin.centres.code') }) },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.centres.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('admin.centres.name') }) },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="level" label={t('admin.centres.level')}>
          <Select options={levels.map((l) => ({ value: l, label: t(`admin.level.${l}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('admin.centres.create')}
        </Button>
      </Form>
    </Card>
  );
}
