// GSM 03.38 default alphabet; the escape character itself is not a usable character.
const gsmBasic = new Set([
  ..."@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
]);
// Extension table: each costs two septets (escape + character).
const gsmExtension = new Set([..."^{}\\[~]|€\f"]);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsInfo {
  encoding: SmsEncoding;
  /** Characters as a person counts them (Unicode code points). */
  characters: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment holds at this length (160/153 for GSM-7, 70/67 for UCS-2). */
  unitsPerSegment: number;
  /** Units still free in the last segment before another segment starts. */
  remainingInSegment: number;
  /** Characters that force UCS-2, so the editor can point at them. */
  nonGsmCharacters: string[];
}

export function isGsm7(text: string): boolean {
  return [...text].every((char) => gsmBasic.has(char) || gsmExtension.has(char));
}

/** How a message will be split: GSM-7 when every character allows it, UCS-2 otherwise. */
export function smsInfo(text: string): SmsInfo {
  const chars = [...text];
  const nonGsm = [...new Set(chars.filter((char) => !gsmBasic.has(char) && !gsmExtension.has(char)))];
  const encoding: SmsEncoding = nonGsm.length === 0 ? "GSM-7" : "UCS-2";
  const unitsOf = (char: string) => (encoding === "GSM-7" ? (gsmExtension.has(char) ? 2 : 1) : char.length); // surrogate pairs are 2 code units
  const units = chars.reduce((sum, char) => sum + unitsOf(char), 0);
  const single = encoding === "GSM-7" ? 160 : 70;
  const multi = encoding === "GSM-7" ? 153 : 67;
  if (units === 0) {
    return { encoding, characters: 0, units: 0, segments: 0, unitsPerSegment: single, remainingInSegment: single, nonGsmCharacters: [] };
  }
  if (units <= single) {
    return {
      encoding,
      characters: chars.length,
      units,
      segments: 1,
      unitsPerSegment: single,
      remainingInSegment: single - units,
      nonGsmCharacters: nonGsm,
    };
  }
  // Multipart: a two-unit character (escape pair, surrogate pair) is never split across segments.
  let segments = 1;
  let used = 0;
  for (const char of chars) {
    const size = unitsOf(char);
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return {
    encoding,
    characters: chars.length,
    units,
    segments,
    unitsPerSegment: multi,
    remainingInSegment: multi - used,
    nonGsmCharacters: nonGsm,
  };
}
