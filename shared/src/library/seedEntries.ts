import type { LibraryEntryFields } from './libraryEntry.ts';

/**
 * The figures every organisation's library starts with: exactly the unit values among the
 * sourced reference figures of docs/product.md ("Reference figures"), never other numbers.
 * Price years are those the sources give (docs/library.md says why each): the sickness-benefit
 * figure is derived from the 2020 estimate (+9,868 recipients → +1.28 bn DKK/yr, published
 * 19 Nov 2020) with 2019's average state refund, so its price level is 2020; the placement
 * costs are Benchmarkingenheden's 2019 figures.
 */
export const SEED_ENTRIES: readonly (LibraryEntryFields & { id: string })[] = [
  {
    id: 'seed-sickness-benefit',
    name: 'Kommunal nettoudgift til en helårsmodtager af sygedagpenge',
    level: 'municipal',
    valuePerYear: 130_000,
    unit: 'pr. helårsmodtager',
    priceYear: 2020,
    source: {
      text: 'nb-beskaeftigelse.dk, 19. nov. 2020: +9.868 modtagere → +1,28 mia. kr./år; gns. statsrefusion 38 % (2019); afledt ≈ 130.000 kr.',
      link: 'https://nb-beskaeftigelse.dk/',
      date: '2020-11-19',
    },
    validFrom: '2020-11-19',
  },
  {
    id: 'seed-foster-family',
    name: 'Anbringelse i plejefamilie',
    level: 'municipal',
    valuePerYear: 470_000,
    unit: 'pr. anbragt barn pr. år',
    priceYear: 2019,
    source: { text: 'Benchmarkingenheden (nb-okonomi.dk), 2019', link: 'https://nb-okonomi.dk/', date: '2019' },
    validFrom: '2019',
  },
  {
    id: 'seed-residential',
    name: 'Anbringelse på opholdssted/døgninstitution',
    level: 'municipal',
    valuePerYear: 1_160_000,
    unit: 'pr. anbragt barn pr. år',
    priceYear: 2019,
    source: { text: 'Benchmarkingenheden (nb-okonomi.dk), 2019', link: 'https://nb-okonomi.dk/', date: '2019' },
    validFrom: '2019',
  },
];

/** Who wrote a seeded entry's first version. */
export const SEED_AUTHOR = 'Caseroom';
