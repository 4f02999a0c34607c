import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Grid, Input, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSearch, type SearchHit } from '../api';
import { linkOf, type SearchGroup } from './search-links';

const groups: SearchGroup[] = ['customers', 'contacts', 'leads'];
/** an option's value (group:id) is not search text: choosing an option must not type it into the box */
const OPTION_VALUE = /^(customers|contacts|leads):[0-9a-f-]{36}$/;

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function HitLabel({ hit }: { hit: SearchHit }) {
  const secondary = [hit.detail, hit.phone, hit.ownerName].filter(Boolean).join(' · ');
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text ellipsis>{hit.name}</Typography.Text>
      {secondary ? <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{secondary}</Typography.Text> : null}
    </Flex>
  );
}

/** The box itself: grouped results (customers / contacts / leads), arrows to move, Enter to open. */
function SearchBox({ autoFocus, onOpened, width }: { autoFocus?: boolean; onOpened?: () => void; width: number | string }) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const result = useSearch(q);
  const data = text.trim() ? result.data : undefined;

  const options = useMemo(() => groups.flatMap((group) => {
    const hits = data?.[group] ?? [];
    if (hits.length === 0) return [];
    return [{
      label: <Typography.Text type="secondary" strong style={{ fontSize: 12 }}>{t(`group.${group}`)}</Typography.Text>,
      options: hits.map((hit) => ({ value: `${group}:${hit.id}`, link: linkOf(group, hit), label: <HitLabel hit={hit} /> })),
    }];
  }), [data, t]);
  const empty = text.trim() !== '' && q === text && !result.isFetching && data && options.length === 0;

  return (
    <AutoComplete
      style={{ width, lineHeight: 'normal' }} value={text} options={options} onChange={(value: string) => { if (!OPTION_VALUE.test(value)) setText(value); }} popupMatchSelectWidth={typeof width === 'number' ? 360 : true} defaultActiveFirstOption
      notFoundContent={empty ? <Typography.Text type="secondary">{t('empty')}</Typography.Text> : null}
      onSelect={(_: string, option: unknown) => {
        const { link } = option as { link?: string };
        setText('');
        onOpened?.();
        if (link) void navigate(link);
      }}>
      <Input allowClear autoFocus={autoFocus} prefix={<SearchOutlined />} placeholder={t('placeholder')} aria-label={t('label')} data-testid="global-search" />
    </AutoComplete>
  );
}

/** The header's search: a box on wide screens, a button opening the box on phones. */
export function GlobalSearch() {
  const { t } = useTranslation('search');
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  if (screens.md) return <SearchBox width={screens.lg ? 300 : 220} />;
  return (
    <>
      <Button type="text" icon={<SearchOutlined />} aria-label={t('label')} data-testid="open-search" onClick={() => setOpen(true)} />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('label')} destroyOnHidden style={{ top: 16 }}>
        <SearchBox autoFocus width="100%" onOpened={() => setOpen(false)} />
      </Modal>
    </>
  );
}
