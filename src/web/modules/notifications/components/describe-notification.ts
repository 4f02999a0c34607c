import type { TFunction } from 'i18next';
import type { Notification } from '../api';

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * A notification's headline and detail line in the UI language: `kind.<kind>` interpolated with the
 * notification's `params` (every kind the server sends has a text; an unknown kind still reads).
 */
export function describeNotification(t: TFunction<'notifications'>, n: Notification): { headline: string; detail: string | null } {
  const title = str(n.params.title);
  const by = str(n.params.by);
  const comment = str(n.params.comment);
  const detail = [by ? t('detail.by', { by }) : '', comment ? t('detail.comment', { comment }) : ''].filter(Boolean).join(' · ') || null;
  const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, str(v)]));
  if (n.kind === 'approval_requested' && str(n.params.requester)) {
    return { headline: t('kind.approval_requested.by', { requester: str(n.params.requester), title }), detail };
  }
  const unknown = title ? `${t('kind.unknown', { kind: n.kind })} ${title}` : t('kind.unknown', { kind: n.kind });
  // the kind comes from the server: an untyped key with the unknown-kind text as its fallback
  const headline = t(`kind.${n.kind}` as 'kind.unknown', { ...params, title, defaultValue: unknown });
  return { headline, detail };
}
