/**
 * Decoding text that must be UTF-8 (SSB's answers and the cache files),
 * saying so when it is not — instead of garbled characters or a misleading
 * JSON error further on.
 */

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence, or −1.
 * @example
 * firstInvalidUtf8(Buffer.from([0x47, 0x6a, 0xf8])); // 2 (Latin-1 "ø")
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= buf.length) return i; // cut off
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode `buf` as UTF-8 (a leading byte-order mark is dropped).
 * @param what how to name the text in the message, e.g. "the response from https://…"
 * @returns the text, or an error message saying why it is not UTF-8 (the caller wraps it in its typed error)
 * @example
 * decodeUtf8(Buffer.from("Gjøvik"), "x"); // { text: "Gjøvik" }
 * decodeUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x00]), "x"); // { error: "x is UTF-16 (little-endian byte-order mark FF FE), expected UTF-8" }
 */
export function decodeUtf8(buf: Uint8Array, what: string): { text: string; error?: undefined } | { text?: undefined; error: string } {
  if (buf[0] === 0xff && buf[1] === 0xfe) return { error: `${what} is UTF-16 (little-endian byte-order mark FF FE), expected UTF-8` };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { error: `${what} is UTF-16 (big-endian byte-order mark FE FF), expected UTF-8` };
  const nul = buf.indexOf(0);
  if (nul >= 0) return { error: `${what} is not UTF-8 text: NUL byte at byte ${nul} (UTF-16 without a byte-order mark?)` };
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) {
    const hex = Array.from(buf.subarray(bad, bad + 4), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    return { error: `${what} is not UTF-8: invalid byte sequence ${hex} at byte ${bad} (Latin-1 or Windows-1252?)` };
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return { text: Buffer.from(buf.buffer, buf.byteOffset + start, buf.byteLength - start).toString("utf8") };
}
