import { describe, expect, it } from 'vitest';
import { ArgsError, parseAppArgs } from './args';

describe('parseAppArgs', () => {
  it.each([
    [[], { web: false, port: 0, open: true, verbose: false, demo: 'auto', dataDir: undefined }],
    [['--web', '--port', '8080', '--no-open'], { web: true, port: 8080, open: false }],
    [['--data-dir', '/tmp/x', '--verbose', '--demo'], { dataDir: '/tmp/x', verbose: true, demo: 'on' }],
    [['--no-demo'], { demo: 'off' }],
    [['--port=0'], { port: 0 }],
  ])('%j', (argv, expected) => {
    expect(parseAppArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', 'abc'], /--port must be a number from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port must be a number/],
    [['--data-dir', ''], /--data-dir needs a folder/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with one clear line', (argv, message) => {
    expect(() => parseAppArgs(argv)).toThrow(ArgsError);
    expect(() => parseAppArgs(argv)).toThrow(message);
    try {
      parseAppArgs(argv);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
