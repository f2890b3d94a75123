// The size of a text in UTF-8, as a file has it on disk.
import type { TextSource } from './textStore';

/** The size of `text` in UTF-8, as the file has it on disk, counting no further than `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether `text` is larger than `limit` bytes in UTF-8; decided by its length alone when it can be, as it is on every keystroke. */
export function largerThan(text: TextSource, limit: number): boolean {
  if (text.length > limit) return true; // every character takes at least one byte
  if (text.length * 3 <= limit) return false; // and at most three (a pair of two takes four)
  return utf8Length(text.slice(0, text.length), limit) > limit;
}
