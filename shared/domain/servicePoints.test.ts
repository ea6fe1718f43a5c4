import { describe, expect, it } from 'vitest';
import {
  SERVICE_POINT_CATEGORIES,
  ServicePointCategorySchema,
  isAllowedServicePointLevel,
  isServicePointCategory,
  servicePointLabel,
} from './servicePoints';

describe('service-point categories', () => {
  it('have unique codes, a Chinese label and their usual level among the allowed ones', () => {
    const codes = SERVICE_POINT_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of SERVICE_POINT_CATEGORIES) {
      expect(c.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(c.levels).toContain(c.level);
    }
  });

  it('include the categories the fixtures and the source report use', () => {
    for (const code of ['governance_center', 'legal_station', 'legal_point', 'legal_volunteer', 'counseling_room', 'patrol_team']) {
      expect(isServicePointCategory(code)).toBe(true);
    }
    expect(servicePointLabel('legal_station')).toBe('公共法律服务工作站');
    expect(servicePointLabel('unknown_kind')).toBe('unknown_kind');
    expect(ServicePointCategorySchema.safeParse('police_room').success).toBe(true);
    expect(ServicePointCategorySchema.safeParse('mall').success).toBe(false);
  });

  it('say which levels a category may sit at', () => {
    expect(isAllowedServicePointLevel('governance_center', 'city')).toBe(true);
    expect(isAllowedServicePointLevel('legal_point', 'county')).toBe(false);
  });
});
