import { createHmac } from 'node:crypto';

export const MAX_ATTEMPTS = 8;

/** `X-Kairos-Signature: sha256=<hex>` over `<timestamp>.<body>`, so receivers can also refuse replays. */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Back-off before the next try: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelaySeconds(attemptsMade: number): number {
  return Math.min(30 * 2 ** Math.max(0, attemptsMade - 1), 6 * 3600);
}

/** Whether a hook subscribed to `events` wants `topic` (`*` and `approval.*` wildcards). */
export function subscribes(events: readonly string[], topic: string): boolean {
  return events.some((e) => e === '*' || e === topic || (e.endsWith('.*') && topic.startsWith(e.slice(0, -1))));
}
