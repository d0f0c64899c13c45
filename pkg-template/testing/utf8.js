// UTF-8 without TextEncoder/TextDecoder, which Jest's jsdom environment
// lacks. `decode` is strict, as Rust's `String::from_utf8`: overlong forms,
// surrogates, code points past U+10FFFF and cut sequences are refused.

/** The UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function encode(text) {
  const out = [];
  for (const c of text) {
    let p = c.codePointAt(0);
    if (p >= 0xd800 && p <= 0xdfff) p = 0xfffd;
    if (p < 0x80) out.push(p);
    else if (p < 0x800) out.push(0xc0 | (p >> 6), 0x80 | (p & 63));
    else if (p < 0x10000) out.push(0xe0 | (p >> 12), 0x80 | ((p >> 6) & 63), 0x80 | (p & 63));
    else out.push(0xf0 | (p >> 18), 0x80 | ((p >> 12) & 63), 0x80 | ((p >> 6) & 63), 0x80 | (p & 63));
  }
  return out;
}

/** The text `bytes` encode, or `undefined` if they are not UTF-8. */
export function decode(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return undefined;
    let p = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return undefined;
      p = (p << 6) | (next & 63);
    }
    const least = [0, 0, 0x80, 0x800, 0x10000][length];
    if (p < least || p > 0x10ffff || (p >= 0xd800 && p <= 0xdfff)) return undefined;
    text += String.fromCodePoint(p);
    i += length;
  }
  return text;
}
