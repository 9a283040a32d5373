import { describe, expect, it } from 'vitest';
import { openSectionKey, rememberedSection, rememberSection } from './navigationSlice.ts';

/** A Storage stand-in over a Map (Node has no sessionStorage). */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

describe('the remembered open section', () => {
  it('is kept per case: one case’s section never opens another case', () => {
    const storage = memoryStorage();
    rememberSection('case-a', 'outcomes', storage);
    expect(rememberedSection('case-a', storage)).toBe('outcomes');
    expect(rememberedSection('case-b', storage)).toBeNull();
  });

  it('ignores a stored value that is no section (an older build, a hand edit)', () => {
    const storage = memoryStorage();
    storage.map.set(openSectionKey('case-a'), 'nonsense');
    expect(rememberedSection('case-a', storage)).toBeNull();
  });

  it('forgets quietly when storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberSection('case-a', 'facts', refusing)).not.toThrow();
    expect(rememberedSection('case-a', refusing)).toBeNull();
  });
});
