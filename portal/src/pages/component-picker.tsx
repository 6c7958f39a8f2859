import { forwardRef, useImperativeHandle, useRef } from 'react';
import { App, Button, Space, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentInput } from '../gql/graphql';
import { fileSize, readBase64 } from '../format';

/**
 * One dossier component, satisfied by a digitised record of the applicant (once-only) or by a
 * file: the counter (/counter), online submission (/me/submit) and an online supplementation (/me).
 */

/** The upload limit the intake service applies by default (UPLOAD_MAX_BYTES). */
export const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

export interface ReusableRecord {
  id: string;
  title: string;
  sizeBytes: number;
  documentType: string;
  validUntil?: string | null;
  digitisedAt?: { name?: string | null; code: string } | null;
}
export type Choice<R extends ReusableRecord = ReusableRecord> = { reuse: R } | { file: File };

const today = () => new Date().toISOString().slice(0, 10);

/** The applicant's records that may stand for a component of this document type: same type, still valid. */
export function usableRecords<R extends ReusableRecord>(records: R[], documentType: string): R[] {
  return records.filter((r) => r.documentType === documentType && (!r.validUntil || r.validUntil >= today()));
}

/** The API's DocumentInput for a component's choice. */
export function documentInput(c: { code: string; name: string }, choice: Choice): Promise<DocumentInput> {
  if ('reuse' in choice) return Promise.resolve({ componentCode: c.code, reuseRecordId: choice.reuse.id });
  return readBase64(choice.file).then((contentBase64) => ({
    componentCode: c.code,
    title: c.name,
    upload: { fileName: choice.file.name, mimeType: choice.file.type || 'application/octet-stream', contentBase64 },
  }));
}

interface PickerProps {
  id?: string;
  value?: Choice<any>;
  onChange?: (v: Choice<any> | undefined) => void;
  records: ReusableRecord[];
  label?: string;
}

/** One component: a reusable digitised record with one click, or a file (picker, drag and drop, camera). */
export const ComponentPicker = forwardRef<{ focus(): void }, PickerProps>(function ComponentPicker(
  { id, value, onChange, records, label },
  ref,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const first = useRef<HTMLButtonElement | HTMLElement | null>(null);
  useImperativeHandle(ref, () => ({ focus: () => (first.current ?? document.getElementById(id ?? ''))?.focus() }), [
    id,
  ]);
  // The limits are shown above the components; a file over them is refused here, before anything is sent.
  const check = (file: File) => {
    if (!ACCEPTED.includes(file.type)) void message.error(t('errors.fileType'));
    else if (file.size > MAX_BYTES) void message.error(t('errors.fileTooLarge', { max: fileSize(MAX_BYTES) }));
    else onChange?.({ file });
    return Upload.LIST_IGNORE;
  };
  if (value && 'reuse' in value) {
    return (
      <Space wrap id={id}>
        <Tag color="blue">{t('counter.reused', { title: value.reuse.title })}</Tag>
        <Button
          size="small"
          ref={(el) => {
            first.current = el;
          }}
          onClick={() => onChange?.(undefined)}
        >
          {t('counter.unchoose')}
        </Button>
      </Space>
    );
  }
  if (value && 'file' in value) {
    return (
      <Space wrap id={id}>
        <Tag>{t('counter.chosenFile', { name: value.file.name, size: fileSize(value.file.size) })}</Tag>
        <Button
          size="small"
          ref={(el) => {
            first.current = el;
          }}
          onClick={() => onChange?.(undefined)}
        >
          {t('counter.remove')}
        </Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} id={id}>
      {records.map((r, i) => (
        <Button
          key={r.id}
          type="dashed"
          ref={
            i === 0
              ? (el) => {
                  first.current = el;
                }
              : undefined
          }
          onClick={() => onChange?.({ reuse: r })}
          style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
        >
          {t('counter.reuse')}: {r.title} —{' '}
          {t('counter.reuseFrom', {
            centre: r.digitisedAt?.name ?? r.digitisedAt?.code ?? '—',
            size: fileSize(r.sizeBytes),
          })}
        </Button>
      ))}
      <Upload.Dragger
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        capture={undefined}
        multiple={false}
        showUploadList={false}
        beforeUpload={check}
      >
        <span
          ref={
            records.length
              ? undefined
              : (el) => {
                  first.current = el?.closest('[tabindex]') as HTMLElement | null;
                }
          }
        >
          {t('counter.upload')}
        </span>
      </Upload.Dragger>
      {/* A tablet's rear camera, explicitly: the picker above may offer it, this opens it. */}
      <Upload accept="image/*" capture="environment" multiple={false} showUploadList={false} beforeUpload={check}>
        <Button aria-label={t('counter.takePhotoLabel', { name: label ?? '' })}>{t('counter.takePhoto')}</Button>
      </Upload>
    </Space>
  );
});
