// A minimal PDF writer for tests (PDF attachments): one page per entry of `pages`, each line of
// Chinese text shown in a Type0 font with Identity-H encoding — 2-byte codes that are glyph
// numbers, readable only through the font's ToUnicode CMap, as in the PDFs office software and
// Chromium write. The content stream is FlateDecode-compressed; the cross-reference table is real.
import { deflateSync } from 'node:zlib';

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export interface PdfOptions {
  /** FlateDecode the streams (default true). */
  compress?: boolean;
  /** Write the ToUnicode CMap (default true): without it the text cannot be read. */
  toUnicode?: boolean;
  /** Appended to each page's content stream (e.g. megabytes of spaces: a PDF bomb). */
  extraContent?: string;
  /** Added to the ToUnicode CMap before its end (e.g. huge bfranges). */
  extraCMap?: string;
}

export function makeCjkPdf(pages: string[][], options: PdfOptions = {}): Buffer {
  const compress = options.compress ?? true;
  // Each character gets a code (1, 2, 3… in order of first use), as a subset font does.
  const chars = [...new Set(pages.flat().flatMap((line) => [...line]))];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const mappings = chars.map((c, i) => `<${hex4(i + 1)}> <${Buffer.from(c, 'utf16le').swap16().toString('hex').toUpperCase()}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    // bfchar in blocks of at most 100 (the CMap format's limit).
    ...Array.from({ length: Math.ceil(mappings.length / 100) }, (_, i) => `${mappings.slice(i * 100, i * 100 + 100).length} beginbfchar\n${mappings.slice(i * 100, i * 100 + 100).join('\n')}\nendbfchar`),
    options.extraCMap ?? '',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: Array<string | { dict: string; data: Buffer }> = [];
  const add = (o: string | { dict: string; data: Buffer }) => objects.push(o) + 2; // object numbers from 3 (1: catalog, 2: pages)
  const font = 3;
  objects.push(
    `<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+NotoSansCJKsc /Encoding /Identity-H /DescendantFonts [4 0 R]${options.toUnicode === false ? '' : ' /ToUnicode 5 0 R'} >>`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+NotoSansCJKsc /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>',
    { dict: '', data: Buffer.from(cmap) },
  );
  const pageNumbers = pages.map((lines) => {
    const text = lines.map((line, i) => `${i === 0 ? '1 0 0 1 72 770 Tm' : '0 -20 Td'} <${[...line].map((c) => hex4(code.get(c)!)).join('')}> Tj`).join('\n');
    const content = add({ dict: '', data: Buffer.from(`BT /F1 12 Tf\n${text}\nET\n${options.extraContent ?? ''}`) });
    return add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`);
  });
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...objects,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  bodies.forEach((body, i) => {
    offsets.push(length);
    let bytes: Buffer;
    if (typeof body === 'string') bytes = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    else {
      const data = compress ? deflateSync(body.data) : body.data;
      bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n')]);
    }
    chunks.push(bytes);
    length += bytes.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(chunks);
}
