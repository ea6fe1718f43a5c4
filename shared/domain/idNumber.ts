import { z } from 'zod';

/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region code of the place of first registration,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 * character. Validating the check character as the clerk types catches most typos at intake.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'format' | 'region' | 'birthDate' | 'checkDigit';

/** The check character (0-9 or X) for the first 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`身份证号前17位须为数字: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Why an ID number is wrong, or null when it is valid. A lowercase x is accepted as X (people type it);
 * `today` (YYYY-MM-DD) rejects birth dates in the future when given.
 */
export function idNumberProblem(input: string, today?: string): IdNumberProblem | null {
  const id = input.toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  // Province codes run from 11 (Beijing) to 82 (Macao); 0x and 9x are never issued.
  if (!/^[1-8]\d{5}/.test(id)) return 'region';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1880 || !isRealDate(year, month, day)) return 'birthDate';
  if (today && `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'birthDate';
  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(input: string, today?: string): boolean {
  return idNumberProblem(input, today) === null;
}

export const ID_NUMBER_PROBLEM_ZH: Record<IdNumberProblem, string> = {
  length: '身份证号须为18位',
  format: '身份证号须为17位数字加1位数字或X',
  region: '身份证号的地区码无效',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位不符，请核对',
};

/** zod schema for inputs: valid, normalised to an uppercase X. */
export const IdNumber = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_ZH[problem] });
  })
  .transform((v) => v.toUpperCase());

export interface IdNumberParts {
  /** 6-digit region code (county level). */
  region: string;
  /** YYYYMMDD */
  birthDate: string;
  /** 0–999; odd for a man, even for a woman. */
  sequence: number;
}

/** Build a valid ID number from its parts (the demo's fictional people; test fixtures). */
export function makeIdNumber(parts: IdNumberParts): string {
  if (!/^\d{6}$/.test(parts.region)) throw new Error(`地区码须为6位数字: ${parts.region}`);
  if (!/^\d{8}$/.test(parts.birthDate)) throw new Error(`出生日期须为YYYYMMDD: ${parts.birthDate}`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 0 || parts.sequence > 999) {
    throw new Error(`顺序码须为0-999: ${parts.sequence}`);
  }
  const first17 = parts.region + parts.birthDate + String(parts.sequence).padStart(3, '0');
  return first17 + idNumberCheckDigit(first17);
}

/** 'M' or 'F', read from the parity of the sequence code (the 17th digit). */
export function genderOfIdNumber(id: string): 'M' | 'F' {
  return Number(id[16]) % 2 === 1 ? 'M' : 'F';
}

/** The birth date as YYYY-MM-DD. */
export function birthDateOfIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
