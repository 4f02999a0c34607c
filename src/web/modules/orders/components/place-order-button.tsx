import { ShoppingCartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';

/** "下达订单" on a signed or executing contract, for the roles that place orders (never the warehouse). */
export function PlaceOrderButton({ contract }: { contract: { id: string; status: string } }) {
  const { t } = useTranslation('orders');
  const { can } = useAccess();
  if (!can('order:create') || !['signed', 'executing'].includes(contract.status)) return null;
  return <Link to={`/orders/new?contractId=${contract.id}`}><Button icon={<ShoppingCartOutlined />} data-testid="contract-place-order">{t('form.title')}</Button></Link>;
}
