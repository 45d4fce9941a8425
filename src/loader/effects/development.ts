/**
 * Whether the page is being developed: served from localhost, a *.localhost name or a loopback address.
 * Advice meant for the site owner (the hosts strict mode holds) is printed only there, never to visitors.
 */
export const isDevelopment = (): boolean => /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/.test(location.hostname);
