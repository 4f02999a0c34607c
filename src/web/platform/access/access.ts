import { useSession } from './session';

/** `undefined` permission means "any signed-in user". */
export function hasPermission(permissions: readonly string[] | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  return permissions?.includes(permission) ?? false;
}

/** What the signed-in user may do, from `/auth/me` permissions. */
export function useAccess() {
  const { data } = useSession();
  const permissions = data?.permissions;
  return {
    user: data?.user ?? null,
    permissions: permissions ?? [],
    can: (permission: string | undefined) => hasPermission(permissions, permission),
  };
}
