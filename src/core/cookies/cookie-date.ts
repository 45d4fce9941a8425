const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/**
 * A cookie's `Expires` date read the way browsers read it (RFC 6265 §5.1.1), as a time in ms, or null when
 * the browser would ignore the attribute (the cookie then lives for the session). `Date.parse` is no
 * stand-in: it reads "0" and "-1" as dates in the past, which would make `expires=0` look like a deletion
 * while the browser keeps the cookie.
 */
export function parseCookieDate(text: string): number | null {
  let time: number[] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  // Tokens are separated by delimiters: every character but digits, letters, ":" and bytes >= 0x7F.
  for (const token of text.split(/[\t\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/)) {
    let m: RegExpMatchArray | null;
    if (!time && (m = token.match(/^(\d\d?):(\d\d?):(\d\d?)(\D|$)/))) time = [+m[1], +m[2], +m[3]];
    else if (day == null && (m = token.match(/^(\d\d?)(\D|$)/))) day = +m[1];
    else if (month == null && MONTHS.indexOf(token.slice(0, 3).toLowerCase()) % 3 == 0 && token.length >= 3) {
      month = MONTHS.indexOf(token.slice(0, 3).toLowerCase()) / 3;
    } else if (year == null && (m = token.match(/^(\d{2,4})(\D|$)/))) year = +m[1];
  }
  if (!time || day == null || month == null || year == null) return null;
  if (year < 100) year += year < 70 ? 2000 : 1900;
  const [h, mi, s] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(year, month, day, h, mi, s);
  // A date that does not exist (30 February) is refused, not rolled over.
  return new Date(ms).getUTCDate() == day ? ms : null;
}
