// Pins how NumberedCsvParser numbers rows against the installed csv-parse: it relies on csv-parse
// pushing each record synchronously while `info` describes it (see server/import/csv-rows.ts).

import { describe, expect, it } from 'vitest';
import { NumberedCsvParser } from '../../../server/import/csv-rows.ts';
import type { ImportError } from '../../../server/import/row-parser.ts';

async function rowsOf(text: string, chunking: 'whole' | 'byte by byte') {
  const parser = new NumberedCsvParser(2);
  const bytes = Buffer.from(text);
  if (chunking === 'whole') parser.end(bytes);
  else {
    for (const byte of bytes) parser.write(Buffer.from([byte]));
    parser.end();
  }
  const rows: [number, string[]][] = [];
  let failure: ImportError | undefined;
  for await (const batch of parser) {
    batch.rows.forEach((fields: string[], i: number) => rows.push([batch.lines[i], fields]));
    failure ??= batch.failure;
  }
  return { rows, failure };
}

describe.each(['whole', 'byte by byte'] as const)('NumberedCsvParser, input given %s', (chunking) => {
  it.each([
    [
      'LF lines are numbered from the header',
      'a,b\n1,2\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [3, ['3', '4']],
      ],
    ],
    [
      'a last line without newline is read',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a quoted field over two lines: the next row is two lines on',
      'a,b\n"x\ny",1\n2,3\n',
      [
        [1, ['a', 'b']],
        [2, ['x\ny', '1']],
        [4, ['2', '3']],
      ],
    ],
    [
      'CRLF lines',
      'a,b\r\n1,2\r\n3,4\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [3, ['3', '4']],
      ],
    ],
    [
      'a CRLF inside quotes is one line break',
      'a,b\r\n"x\r\n\r\ny",1\r\n2,3\r\n',
      [
        [1, ['a', 'b']],
        [2, ['x\r\n\r\ny', '1']],
        [5, ['2', '3']],
      ],
    ],
    [
      'a lone CR ends a line',
      'a,b\r1,2\r"x\ry",3\r4,5\r',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [3, ['x\ry', '3']],
        [5, ['4', '5']],
      ],
    ],
    [
      'empty lines are skipped but counted',
      'a,b\n\n1,2\n\n\n3,4\n',
      [
        [1, ['a', 'b']],
        [3, ['1', '2']],
        [6, ['3', '4']],
      ],
    ],
    [
      'empty CRLF lines around a multi-line field',
      'a,b\r\n\r\n"q\r\nq",9\r\n\r\n4,5\r\n',
      [
        [1, ['a', 'b']],
        [3, ['q\r\nq', '9']],
        [6, ['4', '5']],
      ],
    ],
    [
      'a UTF-8 BOM is dropped',
      '\ufeffa,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'rows of the wrong width come through for the caller to report',
      'a,b\n1,2,3\n4\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2', '3']],
        [3, ['4']],
      ],
    ],
    [
      'a quote inside an unquoted field is kept as text',
      'a,b\nx"y,1\n',
      [
        [1, ['a', 'b']],
        [2, ['x"y', '1']],
      ],
    ],
    [
      'a doubled quote inside quotes is one quote',
      'a,b\n"say ""hi""",1\n',
      [
        [1, ['a', 'b']],
        [2, ['say "hi"', '1']],
      ],
    ],
  ])('%s', async (_name, text, expected) => {
    const { rows, failure } = await rowsOf(text, chunking);
    expect(rows).toEqual(expected);
    expect(failure).toBeUndefined();
  });

  it('an unclosed quote stops reading at the row that opens it, after the rows before it', async () => {
    const { rows, failure } = await rowsOf('a,b\n"x\r\ny",1\n2,3\n"open,4\n5,6\n', chunking);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '1']],
      [4, ['2', '3']],
    ]);
    expect(failure).toEqual({
      line: 5,
      reason: 'this row opens a quoted field that is never closed; the rest of the file was not read',
    });
  });
});
