// The size of a text in UTF-8, as a file has it on disk.

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
