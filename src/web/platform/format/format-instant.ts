import { useTranslation } from 'react-i18next';

/** An ISO instant as local date and time in the UI language, e.g. `2026/11/22 16:30`. */
export function formatInstant(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/** "5 分钟前" / "5 minutes ago" for recent instants, the date beyond a week. */
export function formatRelativeInstant(iso: string, language: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatInstant(iso, language);
}

/** formatInstant bound to the current UI language. */
export function useFormatInstant() {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined) => formatInstant(iso, i18n.language);
}
