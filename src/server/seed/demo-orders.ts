import { and, desc, eq, inArray } from 'drizzle-orm';
import { addDays, todayIn } from '../../shared/dates.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { contracts } from '../modules/contracts/contracts.schema.js';
import { customers } from '../modules/customers/customers.schema.js';
import { createOrder, requestOrderChange } from '../modules/orders/index.js';

const packaging = ['木箱包装，防潮处理', '托盘缠绕膜', '原厂纸箱'];

/**
 * Demo sales orders (issue 5): the reps place orders on a few of their signed or executing demo
 * contracts through the same command as the API — one of them a rush order. With `pendingChange`, a
 * rep also asks to pull one order in (加急), waiting for the sales manager's approval.
 */
export async function seedDemoOrders(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { pendingChange?: boolean } = {}) {
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const reps = ['rep1', 'rep2', 'rep3'].map((u) => demo.userIds[u]!);
  const signed = await handle.db.select({ id: contracts.id, ownerId: contracts.ownerId, address: customers.address })
    .from(contracts).innerJoin(customers, and(eq(customers.workspaceId, contracts.workspaceId), eq(customers.id, contracts.customerId)))
    .where(and(eq(contracts.workspaceId, ws), inArray(contracts.status, ['signed', 'executing']), inArray(contracts.ownerId, reps)))
    .orderBy(desc(contracts.signedOn), desc(contracts.id)).limit(4);
  const placed = [];
  for (const [i, c] of signed.entries()) {
    const ctx = await contextFor(handle, ws, c.ownerId);
    placed.push(await createOrder(ctx, {
      contractId: c.id, dueDate: addDays(today, 10 + i * 7), priority: i === 1 ? 'rush' : 'normal',
      lines: [{ contractLineIndex: 0, quantity: '1', packaging: packaging[i % packaging.length] }],
      deliveryAddress: c.address, note: i === 1 ? '客户设备故障停线，急需备机' : null,
    }));
  }
  const target = placed.find((o) => o.priority === 'normal');
  if (options.pendingChange && target) {
    const ctx = await contextFor(handle, ws, target.owner.id);
    await requestOrderChange(ctx, target.id, { version: target.version, kind: 'rush', dueDate: addDays(today, 5), reason: '客户新产线提前投产，来函要求提前交货' });
  }
  return { orders: placed.length };
}
