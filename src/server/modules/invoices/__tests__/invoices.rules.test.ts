import { describe, expect, it } from 'vitest';
import { invoiceable, issuedInFuture, nextInvoiceStatus, overInvoiceable, taxNumberProblem, validateInvoiceRequest, type InvoiceAction } from '../invoices.rules.js';
import type { InvoiceRequestStatus } from '../../../../shared/contracts/invoices.contract.js';

describe('invoiceable = contract amount − requests not rejected or cancelled', () => {
  it.each([
    ['100000.00', '0.00', '60000.00', null],
    ['100000.00', '40000.00', '60000.00', null], // exactly the rest passes
    ['100000.00', '40000.00', '60000.01', '60000.00'], // one cent more is refused
    ['100000.00', '100000.00', '0.01', '0.00'],
    ['0.02', '0.01', '0.01', null],
  ])('contract %s, requested %s, asking %s → refused with invoiceable %s', (contract, requested, amount, refusedWith) => {
    expect(overInvoiceable(amount, contract, requested)?.invoiceable ?? null).toBe(refusedWith);
  });
  it('never below zero (an amendment may have lowered the contract under what was requested)', () => {
    expect(invoiceable('50000.00', '60000.00')).toBe('0.00');
  });
});

describe('tax number (纳税人识别号)', () => {
  it.each([
    ['91350100M000100Y43', null], // 18: a valid unified social credit code
    ['91350100M000100Y44', 'errors.taxNumberChecksum'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', null], // full-width is normalised
    ['110108123456789', null], // 15: old tax registration number
    ['11010812345678', 'errors.taxNumberLength'], // 14
    ['1101081234567890', 'errors.taxNumberLength'], // 16
    ['11010812345678901234', null], // 20
    ['110108123456789012345', 'errors.taxNumberLength'], // 21
    ['11010812345678-', 'errors.taxNumberChars'],
  ])('%s → %s', (code, problem) => expect(taxNumberProblem(code)).toBe(problem));
});

describe('field checks name the field', () => {
  const base = { invoiceType: 'vat_normal' as const, taxNumber: '110108123456789', amount: '100.00' };
  it.each([
    ['amount 0', { amount: '0.00' }, ['amount']],
    ['negative amount', { amount: '-0.01' }, ['amount']],
    ['bad tax number', { taxNumber: '123' }, ['taxNumber']],
    ['special invoice without bank details', { invoiceType: 'vat_special' as const }, ['bankName', 'bankAccount', 'address', 'phone']],
    ['special invoice with blank account', { invoiceType: 'vat_special' as const, bankName: '工商银行', bankAccount: ' ', address: '上海', phone: '021-1' }, ['bankAccount']],
    ['a normal invoice needs no bank', {}, []],
  ])('%s → %j', (_name, change, paths) => {
    expect(validateInvoiceRequest({ ...base, ...change }).map((e) => e.path)).toEqual(paths);
  });
});

describe('life cycle: draft → in_review → approved → issued', () => {
  it.each<[InvoiceRequestStatus, InvoiceAction, InvoiceRequestStatus | null]>([
    ['draft', 'submit', 'in_review'],
    ['in_review', 'submit', null],
    ['in_review', 'approve', 'approved'],
    ['in_review', 'reject', 'rejected'],
    ['in_review', 'return', 'draft'],
    ['approved', 'issue', 'issued'],
    ['draft', 'issue', null],
    ['in_review', 'issue', null],
    ['issued', 'issue', null],
    ['draft', 'cancel', 'cancelled'],
    ['approved', 'cancel', null],
  ])('%s --%s--> %s', (from, action, to) => expect(nextInvoiceStatus(from, action)).toBe(to));
});

describe('invoice date', () => {
  it.each([['2026-12-01', '2026-12-01', false], ['2026-12-02', '2026-12-01', true], ['2026-11-30', '2026-12-01', false]])('issued %s, today %s → future %s', (d, today, future) => expect(issuedInFuture(d, today)).toBe(future));
});
