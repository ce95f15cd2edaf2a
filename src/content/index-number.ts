// 索引号: the number that identifies a disclosed document in the 政府信息公开目录 (政府信息公开条例;
// 粤/指引 6). The scheme:
//
//   <organizer code>/<year>-<serial>      e.g. 11590000MB0000000X/2026-0482913
//
// - organizer code: the organizer's 统一社会信用代码 (site.yaml `organizerCode`), or the site's
//   网站标识码 when none is given;
// - year: of the 成文日期 (writtenDate), else of the publish date;
// - serial: seven digits derived from the item's permanent address (its column and slug, which
//   never change once published: the URL is derived from them). So a number never changes on a
//   rebuild or when other items are added, and a deleted item's number is never given to another.
//
// Two items of a site whose derived numbers meet (about one chance in ten million per pair) are
// reported (OPEN-02); one of them then takes an explicit `indexNumber`, as do documents that
// already have a number from another system.
import { createHash } from 'node:crypto';

export const SERIAL_DIGITS = 7;

export interface IndexNumberInput {
  /** `<columnId>/<slug>`. */
  itemId: string;
  /** The explicit number from the front matter, if any. */
  indexNumber?: string;
  writtenDate?: string;
  pubDate: string;
}

/** The serial of an item: digits from the SHA-256 of its permanent address. */
export function indexSerial(itemId: string): string {
  const digest = createHash('sha256').update(`govsite index number\0${itemId}`).digest();
  return (digest.readBigUInt64BE(0) % 10n ** BigInt(SERIAL_DIGITS)).toString().padStart(SERIAL_DIGITS, '0');
}

/** The item's 索引号: its explicit one, else the derived one. */
export function indexNumberOf(input: IndexNumberInput, organizerCode: string): string {
  if (input.indexNumber) return input.indexNumber;
  const year = (input.writtenDate ?? input.pubDate).slice(0, 4);
  return `${organizerCode}/${year}-${indexSerial(input.itemId)}`;
}
