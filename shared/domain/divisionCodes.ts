import { z } from 'zod';

/**
 * Statistical division codes (统计用区划代码), always stored as 12 digits:
 * 2 province + 2 city + 2 county + 3 township + 3 village. Grid codes add 3 digits to their village's code.
 */
export const DIVISION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const DivisionCode = z.string().regex(/^\d{12}$/, '区划代码须为12位数字');
export const GridCode = z.string().regex(/^\d{15}$/, '网格编码须为15位数字（村级代码12位+3位序号）');

/** Pad a 6- or 9-digit code (as published by the NBS) to the stored 12 digits. */
export function toDivisionCode(code: string): string {
  if (!/^\d{2,12}$/.test(code)) throw new Error(`不是区划代码: ${code}`);
  return code.padEnd(12, '0');
}

/** The level a 12-digit code names, read from which of its parts are zero. */
export function levelOfCode(code: string): DivisionLevel {
  if (!/^\d{12}$/.test(code)) throw new Error(`区划代码须为12位数字: ${code}`);
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'township';
  return 'village';
}

/** The code of the division that contains this one (one level up), or null for a province. */
export function parentOfCode(code: string): string | null {
  switch (levelOfCode(code)) {
    case 'province':
      return null;
    case 'city':
      return code.slice(0, 2).padEnd(12, '0');
    case 'county':
      return code.slice(0, 4).padEnd(12, '0');
    case 'township':
      return code.slice(0, 6).padEnd(12, '0');
    case 'village':
      return code.slice(0, 9).padEnd(12, '0');
  }
}

/** The significant prefix of a code: every division inside it starts with this. */
export function codePrefix(code: string): string {
  switch (levelOfCode(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code.slice(0, 6);
    case 'township':
      return code.slice(0, 9);
    case 'village':
      return code;
  }
}

export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(codePrefix(ancestor));
}

export function gridCode(villageCode: string, seq: number): string {
  if (levelOfCode(villageCode) !== 'village') throw new Error(`网格须属于村级区划: ${villageCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999) throw new Error(`网格序号须为1-999: ${seq}`);
  return villageCode + String(seq).padStart(3, '0');
}
