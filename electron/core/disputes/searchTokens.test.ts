import { describe, expect, it } from 'vitest';
import { indexTokens, matchExpression } from './searchTokens';

describe('search tokens', () => {
  it('makes bigrams per run plus the run’s last character', () => {
    expect(indexTokens(['刘伟', '宅基地纠纷'])).toBe('刘伟 伟 宅基 基地 地纠 纠纷 纷');
    expect(indexTokens(['A-12'])).toBe('a 12 2');
  });
  it('queries a phrase of consecutive bigrams, a prefix for one character, AND across runs', () => {
    expect(matchExpression('宅基')).toBe('"宅基"');
    expect(matchExpression('宅基地')).toBe('"宅基 基地"');
    expect(matchExpression('刘')).toBe('"刘"*');
    expect(matchExpression('刘伟 宅基')).toBe('"刘伟" AND "宅基"');
    expect(matchExpression('，。')).toBeNull();
  });
});
