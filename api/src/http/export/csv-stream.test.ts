import { describe, expect, it } from 'vitest';
import { csvChunk } from './csv-stream.js';

describe('csvChunk', () => {
  const columns = [{ header: 'name', value: (row: { name: string | null }) => row.name }];

  it('prefixes cells a spreadsheet would evaluate, and only those', () => {
    const cells = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a=b', null];
    const text = csvChunk(columns, cells.map((name) => ({ name })), true);
    expect(text).toBe(`name\r\n'=1+2\r\n'+1\r\n'-1\r\n'@SUM(A1)\r\n'\tx\r\n"'\rx"\r\nplain\r\na=b\r\n\r\n`);
  });
});
