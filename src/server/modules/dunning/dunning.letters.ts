import { AppError, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { amountInChineseWords, printDate, printMoney, renderDocumentPdf, type PrintKind, type PrintModel } from '../print-templates/index.js';
import { findReceivable, findStep, namesFor, stepsOf } from './dunning.repository.js';
import { daysOverdue, type DunningStep } from './dunning.rules.js';

const letterKinds: Partial<Record<DunningStep, PrintKind>> = { thank_you: 'thank_you_letter', notice: 'collection_notice', lawyer_letter: 'lawyer_letter' };
const stepNames: Record<string, string> = { thank_you: '感谢函', notice: '催款通知书', lawyer_letter: '律师函', lawsuit: '起诉', write_off: '呆账核销' };
const kindNames: Record<string, string> = { prepayment: '预付款', progress: '进度款', balance: '尾款' };

/**
 * The letter of a logged dunning step (感谢函 / 催款通知书 / 律师函, domain §11.2) as a PDF through
 * the workspace's editable template: the line (amount, received, outstanding in figures and words,
 * due and original due dates, days overdue as of the letter's day), the collection history before
 * it, the reply deadline and the measures. The print is audited.
 */
export async function dunningLetterPdf(ctx: CommandContext, stepId: string): Promise<{ filename: string; pdf: Buffer }> {
  const step = await findStep(ctx.db, ctx.workspace.id, stepId);
  if (!step) throw notFound('dunningLetter');
  const line = await findReceivable(ctx.db, ctx.workspace.id, step.receivableId);
  const owners = await visibleOwners(ctx.db, ctx);
  if (!line || (owners.kind !== 'all' && !owners.ids.includes(line.ownerId))) throw notFound('dunningLetter');
  const kind = letterKinds[step.step as DunningStep];
  if (!kind) throw new AppError('RULE_VIOLATION', 'errors.dunningNoLetter');
  const names = await namesFor(ctx.db, ctx.workspace.id, { contractIds: [line.contractId], customerIds: [line.customerId], userIds: [line.ownerId] });
  const contract = names.contracts.get(line.contractId);
  const customer = names.customers.get(line.customerId);
  const history = (await stepsOf(ctx.db, ctx.workspace.id, [line.id])).filter((s) => s.id !== step.id && s.actedOn <= step.actedOn && s.status === 'done');
  const outstanding = money.sub(line.amount, line.received);
  const days = String(daysOverdue(line.dueDate, step.actedOn));
  const number = `CK-${step.actedOn.replaceAll('-', '')}-${step.id.slice(-6).toUpperCase()}`;
  const model: PrintModel = {
    kind,
    fields: {
      'company.name': ctx.workspace.name, 'doc.number': number, 'doc.date': printDate(step.actedOn),
      'customer.name': customer?.name ?? '—', 'customer.address': customer?.address ?? '', 'contact.name': '', 'contact.phone': '',
      'owner.name': names.users.get(line.ownerId)?.name ?? '', 'owner.phone': '',
      'total.amount': printMoney(outstanding), 'total.amountInWords': amountInChineseWords(outstanding), 'total.tax': '',
      'contract.number': contract?.number ?? '—', 'receivable.kind': kindNames[line.kind] ?? line.kind,
      'receivable.dueDate': printDate(line.dueDate), 'receivable.originalDueDate': printDate(line.deferredFrom ?? line.dueDate),
      'receivable.amount': printMoney(line.amount), 'receivable.received': printMoney(line.received), 'receivable.outstanding': printMoney(outstanding),
      'receivable.outstandingInWords': amountInChineseWords(outstanding), 'receivable.daysOverdue': days,
      'letter.reason': step.note?.trim() || `上述款项已超过合同约定的付款期限 ${days} 天，经我司多次提醒仍未支付。`,
      'letter.deadline': step.deadline ? printDate(step.deadline) : '',
      'letter.measures': '逾期仍未付款的，我司将暂停向贵司发货及提供服务，并委托律师发函直至依法提起诉讼，由此产生的律师费、诉讼费等一切费用由贵司承担。',
      'letter.note': step.note ?? '', 'lawyer.firm': `${ctx.workspace.name}法律顾问`,
    },
    lines: [{
      no: '1', contractNumber: contract?.number ?? '—', kind: kindNames[line.kind] ?? line.kind, dueDate: printDate(line.dueDate),
      amount: printMoney(line.amount), received: printMoney(line.received), outstanding: printMoney(outstanding), daysOverdue: days,
    }],
    tables: { history: history.map((s, i) => ({ no: String(i + 1), date: printDate(s.actedOn), step: stepNames[s.step] ?? s.step, note: s.note ?? '' })) },
  };
  const pdf = await renderDocumentPdf(ctx.db, ctx.workspace.id, model);
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'receivable', entityId: line.id, action: 'print_letter', after: { stepId: step.id, kind } }));
  return { filename: `${number}.pdf`, pdf };
}
