import type { TFunction } from 'i18next';

/** Entities and actions are open-ended (every module adds its own); unknown ones show their code. */
export function entityLabel(t: TFunction<'audit'>, entity: string): string {
  return t(`entity.${entity}` as 'entity.user', { defaultValue: entity });
}

export function actionLabel(t: TFunction<'audit'>, action: string): string {
  return t(`action.${action}` as 'action.create', { defaultValue: action });
}

export const knownEntities = ['user', 'department', 'territory', 'approval', 'approval_flow', 'policy', 'api_token', 'webhook', 'numbering_rule', 'workspace', 'audit'];
export const knownActions = ['create', 'update', 'login', 'login_failed', 'logout', 'password_change', 'revoke', 'submit', 'approve', 'reject', 'return', 'change_requested', 'export', 'seed_demo'];
