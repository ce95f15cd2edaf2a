// CSV as RFC 4180 writes it (what Excel, WPS and statistics systems export): fields separated by
// commas, a field in double quotes may hold commas, quotes ("") and line breaks. Each record
// keeps the line it starts on, so a finding names the line an editor sees in a text editor.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/** The records of a CSV text; a quote left open is an error at the line it opened on. Blank lines are skipped. */
export function csvRecords(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let inQuotes = false;
  let quotedField = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (many exports end with one or two).
    if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      quotedField = true;
      quoteLine = line;
    } else if (c === '"') {
      return { ok: false, line, reason: '引号用法不对：字段中间出现了引号（字段里的引号要写成两个 ""，整个字段用引号括起来）' };
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (inQuotes) return { ok: false, line: quoteLine, reason: '引号没有闭合：从这一行开始的引号直到文件末尾都没有结束' };
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return { ok: true, records };
}
