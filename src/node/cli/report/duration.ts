/** A cookie's lifetime as people write it in a cookie table: "session", "30 minutes", "2 years". */
export function describeDuration(expires: number | null, now: number): string {
  if (expires == null) return 'session';
  const seconds = expires - now / 1000;
  if (seconds <= 0) return 'expired';
  const plural = (count: number, unit: string) => `${count} ${unit}${count == 1 ? '' : 's'}`;
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  if (minutes < 1) return plural(Math.round(seconds), 'second');
  if (hours < 1) return plural(Math.round(minutes), 'minute');
  if (days < 2) return plural(Math.round(hours), 'hour');
  if (days < 60) return plural(Math.round(days), 'day');
  if (days < 720) return plural(Math.round(days / 30.4375), 'month');
  return plural(Math.round(days / 365.25), 'year');
}
