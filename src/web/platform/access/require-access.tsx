import type { ReactNode } from 'react';
import { ForbiddenPage } from '../errors/forbidden-page';
import { useAccess } from './access';

/** Renders the 403 page instead of children when the user lacks the permission. */
export function RequireAccess({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useAccess();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}
