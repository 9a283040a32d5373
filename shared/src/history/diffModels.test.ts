import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import { formatDanish } from '../format/danishNumber.ts';
import { richTextFromParagraphs } from '../richtext/convert.ts';
import { describeChange } from './describeChange.ts';
import { changesBySection, diffModels } from './diffModels.ts';

const departmentName = (id: string) =>
  [...exampleCase().facts.departments, ...exampleCase().outcomes].find((d) => d.id === id)?.name ?? id;

describe('what changed since a version, per section', () => {
  it('no change gives no lines', () => {
    expect(diffModels(exampleCase(), exampleCase())).toEqual([]);
  });

  it('field changes, prose edits, added/removed/reordered items, values per department', () => {
    const after = exampleCase();
    after.facts.title = 'Ny titel';
    after.facts.partners.investor = 'Ny investor';
    after.problem.text = richTextFromParagraphs('Et nyt problem.');
    after.interventions.candidates[0]!.expectedRates['out-employment'] = 0.45;
    after.outcomes[0]!.valuePerDepartment['dep-jobcenter'] = 140000;
    after.outcomes.reverse();
    after.interventions.candidates.pop();
    after.interventions.candidates.push({
      id: 'int-new',
      order: 'b0',
      name: 'Ny indsats',
      description: richTextFromParagraphs(),
      expectedRates: {},
      sources: {},
    });
    after.paymentModel.payerShares['dep-social'] = 0.3;
    after.targetGroup.intake[0]!.participants = 70;

    const lines = diffModels(exampleCase(), after).map((c) => describeChange(c, 'da', departmentName));
    // The outcome's expected rate is the chosen candidate's (P19): its change is named once, there.
    expect(lines.filter((line) => line.includes('45 %'))).toHaveLength(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Titel: Sygedagpenge og psykisk sygdom (illustrativt eksempel) → Ny titel',
        'Investor: Eksempelfonden for Sociale Investeringer → Ny investor',
        'Problembeskrivelse: teksten er ændret',
        '»IPS – individuelt planlagt job med støtte«: Forventet andel med indsatsen (Ordinær beskæftigelse): 40 % → 45 %',
        '»Ordinær beskæftigelse«: Værdi pr. opnået resultat (Jobcenter): 130.000 kr. → 140.000 kr.',
        'Resultatmål: ny rækkefølge',
        'Indsats »Tværfaglig koordinator mellem jobcenter og psykiatri« fjernet',
        'Indsats »Ny indsats« tilføjet',
        'Betalingsandele (Socialforvaltningen): 20 % → 30 %',
        'Optag pr. år (år 1): 60 → 70',
      ]),
    );
    const bySection = changesBySection(diffModels(exampleCase(), after));
    expect(Object.keys(bySection).sort()).toEqual(
      ['facts', 'interventions', 'outcomes', 'paymentModel', 'problem', 'targetGroup'].sort(),
    );
  });

  it('reads in English too', () => {
    const after = exampleCase();
    after.outcomes[1]!.lagYears = 2;
    const [line] = diffModels(exampleCase(), after).map((c) => describeChange(c, 'en'));
    expect(line).toBe('»Færre psykiatriske indlæggelser«: Lag: 1 years → 2 years');
  });

  it('numbers read in their unit from the field registry: money, percent, years, and a calendar year as itself', () => {
    const after = exampleCase();
    after.interventions.candidates[0]!.costPerParticipant = 52000;
    after.facts.discountRate = 0.04;
    after.facts.horizonYears = 12;
    // The example's own price year plus one; a count would read it with a thousands dot.
    after.facts.priceYear = exampleCase().facts.priceYear! + 1;
    const lines = diffModels(exampleCase(), after).map((c) => describeChange(c, 'da'));
    const before = exampleCase();
    expect(lines).toEqual(
      expect.arrayContaining([
        `»${before.interventions.candidates[0]!.name}«: Pris pr. deltager: ${formatDanish(before.interventions.candidates[0]!.costPerParticipant!, 'money')} → 52.000 kr.`,
        'Diskonteringsrente: 3,5 % → 4 %',
        `Tidshorisont: ${before.facts.horizonYears} år → 12 år`,
        `Prisår: ${before.facts.priceYear} → ${before.facts.priceYear! + 1}`,
      ]),
    );
  });

  it('names one end of a scenario range in words, not by its key', () => {
    const before = exampleCase();
    const after = exampleCase();
    after.paymentModel.scenarios = {
      ...before.paymentModel.scenarios,
      effect: { low: 0.6, high: before.paymentModel.scenarios?.effect?.high ?? 1.3 },
    } as typeof before.paymentModel.scenarios;
    const [change] = diffModels(before, after);
    expect(describeChange(change!, 'da')).toMatch(/^Scenarieintervaller: effekt, lav: 0,5 → 0,6$/);
    expect(describeChange(change!, 'en')).toMatch(/^Scenario ranges: effect, low: /);
  });
});
