/**
 * Which links the desktop shell may hand to the system browser.
 *
 * The renderer never opens windows itself: every `window.open` and every `<a target=_blank>`
 * reaches `setWindowOpenHandler`, which is denied, and the URL comes here. Only a plain
 * https URL to a host on the allow-list below is opened, with `shell.openExternal`.
 * Everything else (javascript:, file:, data:, http:, custom schemes, credentials in the
 * URL, odd ports, IP addresses, lookalike hosts) is refused and logged.
 */

/** Hosts matched exactly, after the WHATWG parser has lower-cased and punycode-encoded them. */
export const externalHosts: readonly string[] = [
  'kubernetes.io',
  'www.kubernetes.io',
  'github.com',
  'docs.github.com',
  'helm.sh',
  'istio.io',
  'docs.docker.com',
  'techdocs.broadcom.com',
  'docs.vmware.com',
  'cloud.google.com',
  'learn.microsoft.com',
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'azure.microsoft.com',
];

/** Longer URLs are refused outright: no documentation link needs more. */
export const maxExternalUrlLength = 2048;

export type LinkDecision = { allow: true; url: string } | { allow: false; reason: string };

const deny = (reason: string): LinkDecision => ({ allow: false, reason });

/**
 * Decides whether `raw` may be opened in the system browser. Returns the URL re-serialised
 * by the parser (never the raw string), so what is opened is exactly what was checked.
 */
export function decideExternalLink(raw: unknown, hosts: readonly string[] = externalHosts): LinkDecision {
  if (typeof raw !== 'string') return deny('not a string');
  if (raw.length === 0) return deny('empty URL');
  if (raw.length > maxExternalUrlLength) return deny(`longer than ${maxExternalUrlLength} characters`);
  // Control characters and whitespace are silently stripped by the parser; a real link has none.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw))
    return deny('contains whitespace, control characters or a backslash');

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return deny('not an absolute URL');
  }
  if (url.protocol !== 'https:') return deny(`scheme ${url.protocol} is not allowed (https only)`);
  if (url.username !== '' || url.password !== '') return deny('credentials in the URL');
  if (url.port !== '') return deny(`non-default port ${url.port}`);
  const host = url.hostname;
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return deny('IP address instead of a host name');
  if (!hosts.includes(host)) return deny(`host ${host} is not on the allow-list`);
  return { allow: true, url: url.href };
}
