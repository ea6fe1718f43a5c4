import { describe, expect, it } from 'vitest';
import { codePrefix, gridCode, isWithin, levelOfCode, parentOfCode, toDivisionCode } from './divisionCodes';

describe('division codes', () => {
  it('pads published 6- and 9-digit codes to 12 digits and reads their level', () => {
    expect(toDivisionCode('430902')).toBe('430902000000');
    expect(levelOfCode(toDivisionCode('430900'))).toBe('city');
    expect(levelOfCode(toDivisionCode('430902'))).toBe('county');
    expect(levelOfCode(toDivisionCode('430902005'))).toBe('township');
    expect(levelOfCode('430902005201')).toBe('village');
  });
  it('walks up the hierarchy and tests containment by prefix', () => {
    expect(parentOfCode('430902005201')).toBe('430902005000');
    expect(parentOfCode('430902005000')).toBe('430902000000');
    expect(parentOfCode('430902000000')).toBe('430900000000');
    expect(codePrefix('430902005000')).toBe('430902005');
    expect(isWithin('430902005201', '430902000000')).toBe(true);
    expect(isWithin('430903005201', '430902000000')).toBe(false);
  });
  it('builds 15-digit grid codes only under a village', () => {
    expect(gridCode('430902005201', 7)).toBe('430902005201007');
    expect(() => gridCode('430902005000', 1)).toThrow();
    expect(() => gridCode('430902005201', 1000)).toThrow();
  });
});
