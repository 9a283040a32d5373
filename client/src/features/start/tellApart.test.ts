import { describe, expect, it } from 'vitest';
import { casesToTellApart, shortId } from './tellApart.ts';

const row = (id: string, title: string, municipality = 'Holbæk', phase: number | undefined = 1) => ({
  id,
  title,
  municipality,
  phase,
});

describe('cases that look alike on the start page', () => {
  it('are those sharing title, municipality and phase with another listed case', () => {
    const rows = [
      row('a1', 'Job til unge'),
      row('b2', 'Job til unge'),
      row('c3', 'Job til unge', 'Roskilde'),
      row('d4', 'Job til unge', 'Holbæk', 2),
      row('e5', ' job til UNGE '),
      row('f6', 'Noget andet'),
    ];
    expect([...casesToTellApart(rows)].sort()).toEqual(['a1', 'b2', 'e5']);
    expect(casesToTellApart([row('x', 'Alene')]).size).toBe(0);
  });

  it('are told apart by a short id', () => {
    expect(shortId('AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEf');
  });
});
