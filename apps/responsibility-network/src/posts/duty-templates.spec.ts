import { DUTY_TEMPLATES, dutyTemplateOf } from './duty-templates';
import { POST_KIND_LABELS, PostKind } from './post-enums';

describe('duty templates (责任清单模板)', () => {
  it.each(Object.values(PostKind))('gives %s a list of 4–8 distinct, non-empty items', (kind) => {
    const items = dutyTemplateOf(kind);
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(new Set(items).size).toBe(items.length);
    for (const item of items) {
      expect(item.trim()).toBe(item);
      expect(item.length).toBeGreaterThan(0);
      expect(item.length).toBeLessThanOrEqual(500);
    }
  });

  it('has a template and a Chinese label for every post kind and nothing else', () => {
    expect(Object.keys(DUTY_TEMPLATES).sort()).toEqual(Object.values(PostKind).sort());
    expect(Object.keys(POST_KIND_LABELS).sort()).toEqual(Object.values(PostKind).sort());
  });

  it('differs by field: the lab director keeps hazardous chemicals, the canteen manager food and gas', () => {
    expect(dutyTemplateOf(PostKind.LAB_DIRECTOR).join()).toContain('双人双锁');
    expect(dutyTemplateOf(PostKind.LAB_DIRECTOR).join()).toContain('台账');
    expect(dutyTemplateOf(PostKind.CANTEEN_MANAGER).join()).toContain('燃气');
    expect(dutyTemplateOf(PostKind.CANTEEN_MANAGER).join()).toContain('留样');
    expect(dutyTemplateOf(PostKind.CANTEEN_MANAGER).join()).not.toContain('双人双锁');
  });
});
