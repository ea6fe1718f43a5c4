/**
 * Telephone numbers, checked the same in the core (the contract's schemas) and in the forms as typed.
 *
 * A party to a dispute gives a mobile (1[3-9] + 9 digits) or a landline with its area code, the dash
 * optional (0737-1234567, 07371234567).
 */
const PARTY_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const PARTY_PHONE_MESSAGE = '电话号码格式不正确（手机11位，座机须带区号）';

export function isPartyPhone(phone: string): boolean {
  return PARTY_PHONE.test(phone);
}

/**
 * Telephone numbers a service point may list: a mobile (1[3-9] + 9 digits), a landline with its area
 * code (0xx-xxxxxxxx or 0xxx-xxxxxxx(x), optional extension), or a short public service number (12345,
 * 12348 法律援助, 110 …).
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;
const SHORT = /^(1\d{2}|1\d{4}|9\d{4})$/;

export const PHONE_MESSAGE = '电话格式有误：手机 1[3-9] 开头11位，座机如 0737-1234567，或 12345 等服务号码';

export function isMobile(phone: string): boolean {
  return MOBILE.test(phone);
}

export function isServicePhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone) || SHORT.test(phone);
}
