import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import type { QueryParams } from '../../../platform/http/http-client';
import { exportUrl, type ExportFormat, type ImportEntity } from '../api';

/**
 * Exports the list the user is looking at, with its current filters, as xlsx or CSV (the server
 * applies the same data scope and phone masking as the list, and audits the export).
 */
export function ExportButton({ entity, filter }: { entity: ImportEntity; filter: QueryParams | object }) {
  const { t } = useTranslation('imports');
  const { can } = useAccess();
  if (!can('export:use')) return null;
  const download = (format: ExportFormat) => {
    const link = document.createElement('a');
    link.href = exportUrl(entity, format, filter as QueryParams);
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
  return (
    <Dropdown menu={{
      items: (['xlsx', 'csv'] as const).map((format) => ({ key: format, label: t(`export.${format}`), onClick: () => download(format) })),
    }}>
      <Button icon={<DownloadOutlined />} data-testid={`export-${entity}`}>{t('export.button')}</Button>
    </Dropdown>
  );
}
