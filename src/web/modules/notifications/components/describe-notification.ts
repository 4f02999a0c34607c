import type { TFunction } from 'i18next';
import type { Notification } from '../api';

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** A notification's headline and detail line in the UI language, from its `kind` and `params`. */
export function describeNotification(t: TFunction<'notifications'>, n: Notification): { headline: string; detail: string | null } {
  const title = str(n.params.title);
  const by = str(n.params.by);
  const comment = str(n.params.comment);
  const detail = [by ? t('detail.by', { by }) : '', comment ? t('detail.comment', { comment }) : ''].filter(Boolean).join(' · ') || null;
  switch (n.kind) {
    case 'approval_requested': {
      const requester = str(n.params.requester);
      return { headline: requester ? t('kind.approval_requested.by', { requester, title }) : t('kind.approval_requested', { title }), detail };
    }
    case 'approval_approved':
    case 'approval_rejected':
    case 'approval_returned':
    case 'reception_assigned':
    case 'reception_reassigned':
    case 'reception_no_roster':
      return { headline: t(`kind.${n.kind}`, { title }), detail };
    default:
      return { headline: title ? `${t('kind.unknown', { kind: n.kind })} ${title}` : t('kind.unknown', { kind: n.kind }), detail };
  }
}
