import { describe, expect, it } from 'vitest';
import { encodeRequest, parseServerMessage } from './ws-protocol';

describe('parseServerMessage', () => {
  it('reads successful and failed responses', () => {
    expect(parseServerMessage('{"id":3,"result":{"ok":true,"value":{"theme":"dark"}}}')).toEqual({
      kind: 'response',
      id: 3,
      result: { ok: true, value: { theme: 'dark' } },
    });
    expect(
      parseServerMessage(
        '{"id":4,"result":{"ok":false,"error":{"code":"INVALID_ARGUMENT","message":"theme: bad"}}}',
      ),
    ).toEqual({
      kind: 'response',
      id: 4,
      result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'theme: bad' } },
    });
  });

  it('reads events', () => {
    expect(parseServerMessage('{"event":"settings.changed","payload":{"theme":"light"}}')).toEqual({
      kind: 'event',
      event: 'settings.changed',
      payload: { theme: 'light' },
    });
  });

  it.each([
    ['not json', 'frame is not JSON'],
    ['[1,2]', 'frame is not a JSON object'],
    ['{"hello":1}', 'frame has neither "id" nor "event"'],
    ['{"id":1}', 'response 1 has no valid "result"'],
    ['{"id":1,"result":{"ok":false,"error":"boom"}}', 'response 1 has no valid "result"'],
  ])('explains why %s is invalid', (text, reason) => {
    expect(parseServerMessage(text)).toEqual({ kind: 'invalid', reason });
  });
});

describe('encodeRequest', () => {
  it('writes the request shape the server reads', () => {
    expect(JSON.parse(encodeRequest({ id: 7, call: 'settings.update', input: { theme: 'dark' } }))).toEqual({
      id: 7,
      call: 'settings.update',
      input: { theme: 'dark' },
    });
  });
});
