import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { productSearchText, requestProductPriceChange } from '../modules/products/index.js';
import { priceChangeRequests, priceListLines, priceLists, productPrices, products } from '../modules/products/products.schema.js';

type Row = [code: string, name: string, kind: 'product' | 'service', unit: string, category: string, spec: string, list: string, floor: string, range: string, cost: string, tax: string];

/** The catalogue of an industrial instrument maker (工业仪器仪表), prices in CNY tax included. */
const catalogue: Row[] = [
  ['PT-300', '压力变送器 PT-300', 'product', '台', '压力仪表', '0–40MPa，4–20mA+HART，316L 膜片，精度 0.075%', '6800.00', '5600.00', '8', '3900.00', '13'],
  ['PT-300D', '差压变送器 PT-300D', 'product', '台', '压力仪表', '0–1MPa 差压，4–20mA+HART，带三阀组', '8600.00', '7200.00', '8', '4980.00', '13'],
  ['PG-100', '数字压力表 PG-100', 'product', '件', '压力仪表', 'Φ100 表盘，0–60MPa，电池供电，精度 0.25%', '1280.00', '980.00', '10', '620.00', '13'],
  ['TT-200', '温度变送器 TT-200', 'product', '台', '温度仪表', 'Pt100/热电偶输入，头装式，4–20mA', '1650.00', '1320.00', '10', '780.00', '13'],
  ['WR-500', '铠装热电偶 WR-500', 'product', '件', '温度仪表', 'K 分度，Φ6×500mm，0–1100℃', '420.00', '330.00', '12', '190.00', '13'],
  ['IRT-80', '红外测温仪 IRT-80', 'product', '台', '温度仪表', '−30–1600℃，距离系数 80:1，RS485', '9800.00', '8200.00', '6', '5600.00', '13'],
  ['EMF-50', '电磁流量计 EMF-50', 'product', '台', '流量仪表', 'DN50，衬里 PTFE，哈氏合金电极，一体式', '12800.00', '10500.00', '8', '7200.00', '13'],
  ['EMF-200', '电磁流量计 EMF-200', 'product', '台', '流量仪表', 'DN200，衬里氯丁橡胶，分体式，IP68', '23600.00', '19800.00', '6', '13900.00', '13'],
  ['UF-100', '超声波流量计 UF-100', 'product', '台', '流量仪表', '外夹式，DN15–DN6000，双声道', '18500.00', '15200.00', '8', '10400.00', '13'],
  ['VF-80', '涡街流量计 VF-80', 'product', '台', '流量仪表', 'DN80，蒸汽/气体，温压补偿', '11200.00', '9300.00', '8', '6300.00', '13'],
  ['CMF-25', '科里奥利质量流量计 CMF-25', 'product', '台', '流量仪表', 'DN25，精度 0.1%，密度测量', '68000.00', '58000.00', '5', '41000.00', '13'],
  ['RL-60', '雷达物位计 RL-60', 'product', '台', '物位仪表', '80GHz，量程 60m，喇叭天线', '15800.00', '13200.00', '8', '8600.00', '13'],
  ['UL-15', '超声波液位计 UL-15', 'product', '台', '物位仪表', '量程 15m，一体式，4–20mA', '3200.00', '2600.00', '10', '1650.00', '13'],
  ['ML-01', '磁翻板液位计 ML-01', 'product', '套', '物位仪表', '中心距 1500mm，304 材质，带远传', '4600.00', '3800.00', '10', '2450.00', '13'],
  ['PH-3000', '在线 pH 分析仪 PH-3000', 'product', '套', '分析仪器', '含电极与支架，0–14pH，双通道', '7800.00', '6400.00', '8', '4100.00', '13'],
  ['DO-600', '溶解氧分析仪 DO-600', 'product', '套', '分析仪器', '荧光法，0–20mg/L，免维护', '12600.00', '10600.00', '8', '6900.00', '13'],
  ['COD-9', 'COD 在线监测仪 COD-9', 'product', '台', '分析仪器', '重铬酸钾法，量程 0–2000mg/L，环保认证', '98000.00', '86000.00', '5', '61000.00', '13'],
  ['GD-4', '四合一气体检测仪 GD-4', 'product', '台', '分析仪器', 'O₂/CO/H₂S/EX，便携式，防爆', '3600.00', '2900.00', '10', '1800.00', '13'],
  ['CV-50', '气动调节阀 CV-50', 'product', '台', '执行机构', 'DN50 单座，PN16，配智能定位器', '14800.00', '12300.00', '8', '8400.00', '13'],
  ['EA-200', '电动执行器 EA-200', 'product', '台', '执行机构', '200N·m，4–20mA 调节型，IP67', '6200.00', '5100.00', '8', '3450.00', '13'],
  ['PLC-S7', '小型 PLC 控制柜 PLC-S7', 'product', '套', '控制系统', '含 CPU、32 点 IO、触摸屏，柜体 800×600', '48000.00', '41000.00', '6', '30500.00', '13'],
  ['DCS-LITE', 'DCS 控制系统（基础版）', 'product', '套', '控制系统', '2 控制站 + 1 操作站，500 点', '380000.00', '335000.00', '5', '246000.00', '13'],
  ['REC-16', '无纸记录仪 REC-16', 'product', '台', '控制系统', '16 通道，7 英寸彩屏，U 盘导出', '5400.00', '4400.00', '10', '2700.00', '13'],
  ['CAL-P1', '压力校验仪 CAL-P1', 'product', '台', '校验设备', '−0.1–60MPa，精度 0.02%，手持式', '26800.00', '22800.00', '6', '15600.00', '13'],
  ['SRV-INST', '仪表安装调试服务', 'service', '台', '技术服务', '单台仪表现场安装、接线、调试与投运', '800.00', '600.00', '15', '380.00', '6'],
  ['SRV-CAL', '仪表周期校准服务', 'service', '件', '技术服务', '出具 CNAS 校准证书，实验室或现场', '350.00', '280.00', '10', '150.00', '6'],
  ['SRV-MAINT', '年度维保服务（标准）', 'service', '年', '技术服务', '每季度巡检一次，24 小时响应，备件另计', '36000.00', '30000.00', '10', '19800.00', '6'],
  ['SRV-MAINT+', '年度维保服务（尊享）', 'service', '年', '技术服务', '每月巡检，4 小时到场，含易损件', '88000.00', '76000.00', '8', '50500.00', '6'],
  ['SRV-TRAIN', '操作与维护培训', 'service', '套', '技术服务', '2 天现场培训，20 人以内，含教材', '12000.00', '9600.00', '10', '5200.00', '6'],
  ['SW-SCADA', 'SCADA 监控软件授权', 'product', '套', '软件', '1000 点授权，含 1 年升级', '45000.00', '38000.00', '8', '9000.00', '13'],
  ['SW-CLOUD', '设备云平台订阅', 'service', '年', '软件', '50 台设备接入，报警推送，数据保存 3 年', '18000.00', '15000.00', '10', '4200.00', '6'],
];

/** Last year's prices of the products whose price rose at the start of this year (approved changes, kept as history). */
const raised: Record<string, { list: string; floor: string; cost: string; reason: string }> = {
  'EMF-50': { list: '12200.00', floor: '10000.00', cost: '6900.00', reason: '衬里与电极材料涨价' },
  'COD-9': { list: '92000.00', floor: '81000.00', cost: '58200.00', reason: '试剂与泵阀成本上升，年度调价' },
  'SRV-MAINT': { list: '32000.00', floor: '27000.00', cost: '18000.00', reason: '人工成本上调' },
  'RL-60': { list: '16800.00', floor: '14000.00', cost: '9300.00', reason: '80GHz 芯片国产化后降价' },
};

/** Price-list prices as a share of list price (rounded to whole yuan), never below the floor. */
const listPriceAt = (list: string, floor: string, share: string) => {
  const p = money.format(money.parse(list).times(share).toDecimalPlaces(0));
  return money.compare(p, floor) < 0 ? money.format(floor) : p;
};

/**
 * Demo products and prices (domain §8): ~30 instruments and services with approved prices since the
 * start of last year, four of them re-priced this year (approved changes in the history), price lists
 * for class A and class B customers and for distributors. With `pendingChange`, the sales manager has
 * asked to raise the DN200 electromagnetic flow meter, waiting for the VP's review (the running demo;
 * off in tests so inboxes stay as they expect).
 */
export async function seedDemoProducts(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { pendingChange?: boolean } = {}) {
  const ws = demo.workspaceId;
  const manager = demo.userIds.manager1!;
  const vp = demo.userIds.vp!;
  const gm = demo.userIds.gm!;
  const today = todayIn('Asia/Shanghai');
  const thisYear = `${today.slice(0, 4)}-01-01` as IsoDate;
  const lastYear = `${Number(today.slice(0, 4)) - 1}-01-01` as IsoDate;
  const ids = new Map(catalogue.map((r) => [r[0], newId()]));

  await handle.db.transaction(async (tx) => {
    await tx.insert(products).values(catalogue.map(([code, name, kind, unit, category, spec, , , , , tax]) => ({
      workspaceId: ws, id: ids.get(code)!, code, name, kind, unit, category, spec, taxRate: money.format(tax), isActive: code !== 'PG-100',
      searchText: productSearchText(code, name), createdBy: manager, createdAt: new Date(`${lastYear}T02:00:00Z`),
    })));
    const requests: (typeof priceChangeRequests.$inferInsert)[] = [];
    const versions: (typeof productPrices.$inferInsert)[] = [];
    for (const [code, , , , , , list, floor, range, cost] of catalogue) {
      const productId = ids.get(code)!;
      const old = raised[code];
      const first = { list: old?.list ?? list, floor: old?.floor ?? floor, cost: old?.cost ?? cost };
      const initialId = newId();
      requests.push({
        workspaceId: ws, id: initialId, kind: 'initial', productId, status: 'approved', newListPrice: first.list, newFloorPrice: first.floor,
        newFloatRange: money.format(range), newCost: first.cost, effectiveFrom: lastYear, appliedFrom: lastYear, reason: '产品目录首次定价',
        requestedBy: manager, decidedAt: new Date(`${lastYear}T02:00:00Z`),
      });
      versions.push({ workspaceId: ws, productId, listPrice: first.list, floorPrice: first.floor, floatRange: money.format(range), cost: first.cost, effectiveFrom: lastYear, reason: '产品目录首次定价', requestId: initialId, requestedBy: manager, approvedBy: gm });
      if (old) {
        const changeId = newId();
        requests.push({
          workspaceId: ws, id: changeId, kind: 'product', productId, status: 'approved',
          oldListPrice: old.list, oldFloorPrice: old.floor, oldFloatRange: money.format(range), oldCost: old.cost,
          newListPrice: list, newFloorPrice: floor, newFloatRange: money.format(range), newCost: cost,
          effectiveFrom: thisYear, appliedFrom: thisYear, reason: old.reason, requestedBy: vp, decidedAt: new Date(`${addDays(thisYear, -10)}T06:00:00Z`),
        });
        versions.push({ workspaceId: ws, productId, listPrice: list, floorPrice: floor, floatRange: money.format(range), cost, effectiveFrom: thisYear, reason: old.reason, requestId: changeId, requestedBy: vp, approvedBy: gm });
      }
    }
    await tx.insert(priceChangeRequests).values(requests);
    await tx.insert(productPrices).values(versions);

    const lists = [
      { name: `A类大客户价格表（${thisYear.slice(0, 4)}）`, customerClass: 'A', channel: null, share: '0.92', skip: () => false },
      { name: `B类客户价格表（${thisYear.slice(0, 4)}）`, customerClass: 'B', channel: null, share: '0.96', skip: (kind: string) => kind === 'service' },
      { name: `经销商渠道价格表（${thisYear.slice(0, 4)}）`, customerClass: null, channel: 'distributor', share: '0.85', skip: (kind: string) => kind === 'service' },
    ];
    for (const l of lists) {
      const listId = newId();
      await tx.insert(priceLists).values({
        workspaceId: ws, id: listId, name: l.name, customerClass: l.customerClass, channel: l.channel, effectiveFrom: thisYear,
        effectiveTo: `${thisYear.slice(0, 4)}-12-31`, isActive: true, createdBy: vp,
      });
      await tx.insert(priceListLines).values(catalogue.filter((r) => !l.skip(r[2]) && r[0] !== 'PG-100').map((r) => ({
        workspaceId: ws, priceListId: listId, productId: ids.get(r[0])!, price: listPriceAt(r[6], r[7], l.share), effectiveFrom: thisYear,
      })));
    }
  });

  if (options.pendingChange) {
    const ctx = await contextFor(handle, ws, manager);
    await requestProductPriceChange(ctx, ids.get('EMF-200')!, {
      listPrice: '24800.00', floorPrice: '20800.00', floatRange: '6', cost: '14700.00', effectiveFrom: addDays(today, 14),
      reason: '不锈钢与线圈铜材涨价约 6%，拟自下月起上调 DN200 电磁流量计价格',
    });
  }
}
