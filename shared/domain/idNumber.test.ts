import { describe, expect, it } from 'vitest';
import {
  IdNumber,
  birthDateOfIdNumber,
  genderOfIdNumber,
  idNumberCheckDigit,
  idNumberProblem,
  isValidIdNumber,
  makeIdNumber,
} from './idNumber';

describe('ID numbers (GB 11643)', () => {
  it('accepts the published examples, with X and with a lowercase x', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
  });

  it('names what is wrong with a bad number', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit'); // one typo in the last character
    expect(idNumberProblem('110105194912301002X'.slice(0, 17))).toBe('length');
    expect(idNumberProblem('11010519491231A02X')).toBe('format');
    expect(idNumberProblem('010105194912310021')).toBe('region');
    expect(idNumberProblem('110105194902300021')).toBe('birthDate'); // 30 February
    expect(idNumberProblem('110105203001010021', '2021-10-29')).toBe('birthDate'); // not born yet
  });

  it('catches every single-digit typo and every swap of two different neighbouring digits', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidIdNumber(typo)).toBe(false);
      }
    }
    for (let i = 0; i < 16; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      if (swapped.slice(6, 14) !== valid.slice(6, 14)) continue; // a swap inside the date may make it invalid anyway
      expect(isValidIdNumber(swapped)).toBe(false);
    }
  });

  it('makes valid numbers whose gender and birth date read back', () => {
    const id = makeIdNumber({ region: '439902', birthDate: '19850317', sequence: 123 });
    expect(isValidIdNumber(id)).toBe(true);
    expect(genderOfIdNumber(id)).toBe('M');
    expect(birthDateOfIdNumber(id)).toBe('1985-03-17');
    expect(genderOfIdNumber(makeIdNumber({ region: '439902', birthDate: '19850317', sequence: 124 }))).toBe('F');
    expect(() => makeIdNumber({ region: '4399', birthDate: '19850317', sequence: 1 })).toThrow();
  });

  it('the zod schema normalises and explains in Chinese', () => {
    expect(IdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const res = IdNumber.safeParse('110105194912310021');
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toContain('校验位');
  });
});
