import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts, type Product } from '../../products/api';

/** Searches active products by code or name (server-side, pinyin keys too) and hands the picked product over. */
export function ProductPicker({ value, onPick, id }: { value?: string | null; onPick: (product: Product | null) => void; id?: string }) {
  const { t } = useTranslation('quotes');
  const [q, setQ] = useState('');
  const products = useProducts({ q: q.trim() || undefined, isActive: 'true' });
  const options = products.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  return (
    <Select id={id} value={value ?? undefined} allowClear options={options} loading={products.isFetching} placeholder={t('form.pickProduct')}
      showSearch={{ filterOption: false, onSearch: setQ }} notFoundContent={null} style={{ width: '100%' }} aria-label={t('field.product')}
      onChange={(productId?: string) => onPick(products.items.find((p) => p.id === productId) ?? null)} popupMatchSelectWidth={320} />
  );
}
