import { describe, expect, it } from 'vitest';
import { rpcUrl, takeTokenFromUrl } from './session-token';

describe('takeTokenFromUrl', () => {
  it('takes the token out and keeps the rest, hash included', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:4000/?token=abc_-1#/clusters')).toEqual({
      token: 'abc_-1',
      cleanUrl: 'http://127.0.0.1:4000/#/clusters',
    });
  });

  it('keeps other query parameters', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:4000/?a=1&token=t&b=2')).toEqual({
      token: 't',
      cleanUrl: 'http://127.0.0.1:4000/?a=1&b=2',
    });
  });

  it('leaves a URL without a token alone', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:4000/#/settings')).toEqual({
      token: null,
      cleanUrl: 'http://127.0.0.1:4000/#/settings',
    });
  });

  it('treats an empty token as none but still removes it', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:4000/?token=')).toEqual({
      token: null,
      cleanUrl: 'http://127.0.0.1:4000/',
    });
  });
});

describe('rpcUrl', () => {
  it.each([
    ['http://127.0.0.1:4000/#/x', 'tok', 'ws://127.0.0.1:4000/rpc?token=tok'],
    ['https://flotilla.example:8443/app/', 'a+b/c', 'wss://flotilla.example:8443/rpc?token=a%2Bb%2Fc'],
    ['http://localhost:5173/', null, 'ws://localhost:5173/rpc'],
  ])('%s with token %s → %s', (page, token, url) => {
    expect(rpcUrl(page, token)).toBe(url);
  });
});
