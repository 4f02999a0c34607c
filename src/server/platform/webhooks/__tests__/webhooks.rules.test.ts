import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelaySeconds, signDelivery, subscribes } from '../webhooks.rules.js';

describe('signDelivery', () => {
  const body = '{"type":"approval.requested","data":{"approvalId":"a1"}}';
  // vectors computed independently with `openssl dgst -sha256 -hmac whsec_test` over "<timestamp>.<body>"
  it('signs "<timestamp>.<body>" with HMAC-SHA256 of the secret, as sha256=<hex>', () => {
    expect(signDelivery('whsec_test', '1767225600', body)).toBe('sha256=958c1fec67a52fc902edf5389ff24aebbc4228d875772c35f428bd57d1112d9b');
  });

  it('changes with the timestamp, so an old signature cannot be replayed with a new time', () => {
    expect(signDelivery('whsec_test', '1767225601', body)).toBe('sha256=3d022d48c2c1fdd0e34b02d9dec32fa68710b12bc2747c89174327c6c88184c3');
  });

  it('changes with the secret and with the body', () => {
    const original = signDelivery('whsec_test', '1767225600', body);
    expect(signDelivery('whsec_other', '1767225600', body)).not.toBe(original);
    expect(signDelivery('whsec_test', '1767225600', body.replace('a1', 'a2'))).not.toBe(original);
  });
});

describe('retryDelaySeconds', () => {
  it.each<[number, number]>([
    [0, 30],
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [7, 1920],
    [10, 15360],
    [11, 21600], // capped at 6 hours
    [50, 21600],
  ])('after %i attempts waits %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });

  it('never shrinks from one attempt to the next', () => {
    for (let n = 1; n < 40; n++) expect(retryDelaySeconds(n + 1)).toBeGreaterThanOrEqual(retryDelaySeconds(n));
  });

  it('gives up after a bounded number of attempts spread over more than an hour', () => {
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(3);
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3600);
  });
});

describe('subscribes', () => {
  it.each<[string[], string, boolean]>([
    [['approval.requested'], 'approval.requested', true],
    [['approval.requested'], 'approval.approved', false],
    [['approval.*'], 'approval.approved', true],
    [['approval.*'], 'approvals.approved', false],
    [['approval.*'], 'approval', false],
    [['*'], 'customer.created', true],
    [['customer.created', 'approval.rejected'], 'approval.rejected', true],
    [['customer.*'], 'approval.rejected', false],
    [[], 'approval.requested', false],
  ])('a hook on %j receives %s: %s', (events, topic, expected) => {
    expect(subscribes(events, topic)).toBe(expected);
  });
});
