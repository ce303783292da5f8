import { describe, expect, it } from 'vitest';
import { decideExternalLink, externalHosts, maxExternalUrlLength } from './external-links';

describe('decideExternalLink', () => {
  const allowed: Array<[string, string]> = [
    ['https://kubernetes.io/docs/concepts/', 'https://kubernetes.io/docs/concepts/'],
    [
      'https://github.com/kubernetes/kubernetes/issues?q=a+b#x',
      'https://github.com/kubernetes/kubernetes/issues?q=a+b#x',
    ],
    ['https://KUBERNETES.IO/Docs', 'https://kubernetes.io/Docs'],
    ['https://kubernetes.io:443/docs', 'https://kubernetes.io/docs'],
    ['https://helm.sh', 'https://helm.sh/'],
  ];
  it.each(allowed)('allows %s', (raw, expected) => {
    expect(decideExternalLink(raw)).toEqual({ allow: true, url: expected });
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['javascript:', 'javascript:alert(1)', /scheme javascript:/],
    ['javascript with https text', 'javascript://kubernetes.io/%0aalert(1)', /scheme javascript:/],
    ['file:', 'file:///etc/passwd', /scheme file:/],
    ['data:', 'data:text/html,<script>alert(1)</script>', /scheme data:/],
    ['http:', 'http://kubernetes.io/docs', /scheme http:/],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic', /whitespace/],
    ['custom scheme without space', 'vscode://kubernetes.io/x', /scheme vscode:/],
    ['user in URL', 'https://user@kubernetes.io/', /credentials/],
    ['user and password', 'https://kubernetes.io:pw@evil.example/', /credentials/],
    ['allowed host as username', 'https://github.com@evil.example/', /credentials/],
    ['punycode lookalike (Cyrillic e)', 'https://kubernet\u0435s.io/', /xn--/],
    ['punycode spelled out', 'https://xn--kubernts-8fg.io/', /not on the allow-list/],
    ['suffix attack', 'https://kubernetes.io.evil.example/', /not on the allow-list/],
    ['prefix attack', 'https://evilkubernetes.io/', /not on the allow-list/],
    ['subdomain not listed', 'https://gist.github.com/x', /not on the allow-list/],
    ['trailing dot', 'https://kubernetes.io./docs', /not on the allow-list/],
    ['host in path', 'https://evil.example/kubernetes.io', /not on the allow-list/],
    ['odd port', 'https://kubernetes.io:8443/', /port 8443/],
    ['IPv4', 'https://140.82.112.3/', /IP address/],
    ['IPv4 in hex', 'https://0x8c.0x52.0x70.0x3/', /IP address/],
    ['IPv6', 'https://[::1]/', /IP address/],
    ['backslash trick', 'https:\\\\evil.example\\kubernetes.io', /backslash/],
    ['tab inside', 'https://kuber\tnetes.io/', /whitespace/],
    ['newline inside', 'https://kubernetes.io/\n', /whitespace/],
    ['leading space', ' https://kubernetes.io/', /whitespace/],
    ['relative URL', '/docs', /not an absolute URL/],
    ['protocol-relative', '//kubernetes.io/docs', /not an absolute URL/],
    ['empty', '', /empty/],
    ['not a string', { href: 'https://kubernetes.io/' }, /not a string/],
    ['too long', `https://kubernetes.io/${'a'.repeat(maxExternalUrlLength)}`, /longer than/],
  ];
  it.each(refused)('refuses %s', (_label, raw, reason) => {
    const decision = decideExternalLink(raw);
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).toMatch(reason);
  });

  it('uses the allow-list it is given', () => {
    expect(decideExternalLink('https://example.com/', ['example.com']).allow).toBe(true);
    expect(decideExternalLink('https://kubernetes.io/', ['example.com']).allow).toBe(false);
  });

  it('lists only lower-case ASCII host names, so exact matching after parsing is sound', () => {
    for (const host of externalHosts) {
      expect(new URL(`https://${host}/`).hostname).toBe(host);
      expect(host).toMatch(/^[a-z0-9.-]+$/);
    }
  });
});
