/** Digits only, so "+1 (415) 555-0100" and "+14155550100" compare equal. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, "");
}

export function samePhoneNumber(a: string, b: string): boolean {
  const left = phoneDigits(a);
  return left.length > 0 && left === phoneDigits(b);
}

export function phoneStartsWith(number: string, prefix: string): boolean {
  const digits = phoneDigits(prefix);
  return digits.length > 0 && phoneDigits(number).startsWith(digits);
}

/** A number or the start of one, as typed in a form: "+1", "+1 415", "+1 (415) 555-0100". */
export function looksLikePhonePrefix(value: string): boolean {
  return /^\+?[\d\s().-]{1,32}$/.test(value.trim()) && phoneDigits(value).length >= 1;
}

export function looksLikePhoneNumber(value: string): boolean {
  return /^\+?[\d\s().-]{3,32}$/.test(value.trim()) && phoneDigits(value).length >= 3;
}
