/**
 * A strict RFC 4180 reader for the tests: records end with CRLF, fields are separated
 * by commas, a quoted field may hold commas, CR, LF and doubled quotes. Anything else
 * (a bare quote inside an unquoted field, a lone CR or LF between records, text after
 * a closing quote) throws, so a sloppy writer cannot pass by accident.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV: ${why} at ${i}`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') fail("quote inside an unquoted field");
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      i += 2;
      records.push(record);
      record = [];
      continue;
    }
    if (i >= text.length) {
      records.push(record);
      record = [];
      break;
    }
    fail("a record must end with CRLF");
  }
  return records;
}
