import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../errors/describe-error';

type ClaimCommand = { mutate: (vars: { id: string; command: 'claim' }, callbacks: { onSuccess: () => void; onError: (error: unknown) => void; onSettled: () => void }) => void };

/**
 * Claiming from a pool (公海 / 线索池), one row at a time: a toast when it is yours, the server's
 * localised refusal (owned cap, claims per day, cool-down) as a notification when it is not.
 */
export function usePoolClaim(command: ClaimCommand, texts: { claimed: (name: string) => string; refused: string }) {
  const { t: tp } = useTranslation('platform');
  const { message, notification } = App.useApp();
  const [claimingId, setClaimingId] = useState<string | null>(null);
  const claim = (id: string, name: string) => {
    setClaimingId(id);
    command.mutate({ id, command: 'claim' }, {
      onSuccess: () => void message.success(texts.claimed(name)),
      onError: (error) => notification.warning({ title: texts.refused, description: errorMessageOf(error, tp), placement: 'topRight' }),
      onSettled: () => setClaimingId(null),
    });
  };
  return { claimingId, claim };
}
