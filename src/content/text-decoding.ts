// The text of a data file as Chinese office software saves it: UTF-8 (with or without a BOM),
// else GB18030 (Excel and WPS on Chinese Windows save “CSV” in the system code page).

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
