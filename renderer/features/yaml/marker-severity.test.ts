import { describe, expect, it } from 'vitest';
import { schemaViolationsAsErrors } from './marker-severity';

const at = { startLineNumber: 3, startColumn: 3, endLineNumber: 3, endColumn: 12 };

describe('schemaViolationsAsErrors', () => {
  it('makes schema warnings errors and leaves errors, hints and schema-load notes alone', () => {
    const out = schemaViolationsAsErrors([
      { ...at, severity: 4, message: 'Property replicaz is not allowed.', code: '0' },
      { ...at, severity: 4, message: 'Incorrect type. Expected "integer".' },
      { ...at, severity: 8, message: 'Implicit keys need to be on a single line', code: '0' },
      { ...at, severity: 2, message: 'Unused anchor "a"', code: '0' },
      { ...at, severity: 4, message: 'Unable to load schema', code: '768' },
    ]);
    expect(out.map((m) => m.severity)).toEqual([8, 8, 8, 2, 4]);
    expect(out[0]).toMatchObject({ ...at, message: 'Property replicaz is not allowed.', code: '0' });
  });
});
