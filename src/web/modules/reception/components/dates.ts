import { addDays, todayIn } from '../../../../shared/dates';

/** Today in the workspace's zone (the product default Asia/Shanghai), as YYYY-MM-DD. */
export const todayLocal = () => todayIn();

/** The Monday of the week of `date`. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export { addDays };
