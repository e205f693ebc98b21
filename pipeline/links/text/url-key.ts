/** URL keys: the form under which two spellings of one site URL compare equal. */

/**
 * Normalises a link destination to a site path key: drops the host when it is one of `siteHosts`,
 * query and fragment, index file names and `.md`/`.html` extensions, trailing slash; lower-cases.
 * Returns `null` for other hosts and non-page schemes (`mailto:`, `tel:`).
 */
export function toUrlKey(url: string, siteHosts: readonly string[] = []): string | null {
  let rest = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(rest);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name !== 'http' && name !== 'https') return null;
    if (!URL.canParse(rest)) return null;
    const parsed = new URL(rest);
    if (!siteHosts.includes(parsed.hostname.toLowerCase())) return null;
    rest = parsed.pathname;
  } else if (rest.startsWith('//')) {
    const host = rest.slice(2).split('/')[0]?.toLowerCase() ?? '';
    if (!siteHosts.includes(host)) return null;
    rest = rest.slice(2 + host.length);
  }
  rest = rest.replace(/[?#].*$/, '');
  // a stray `%` that is not an escape stays as written
  const decoded = /%(?![0-9a-f]{2})/i.test(rest) ? rest : decodeURIComponent(rest);
  let p = decoded.toLowerCase().replace(/\/{2,}/g, '/');
  if (!p.startsWith('/')) p = `/${p}`;
  p = p.replace(/\/(?:_?index|readme)(?:\.(?:md|mdx|markdown|html?))?$/, '/').replace(/\.(?:md|mdx|markdown|html?)$/, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

/** Whether a destination is a site-internal page link (a path, or an absolute URL on a site host). */
export function isInternalUrl(url: string, siteHosts: readonly string[] = []): boolean {
  if (url.startsWith('#')) return false;
  return toUrlKey(url, siteHosts) !== null;
}
