/**
 * Plain names of the model's fields, in Danish and English, for findings and forms. Keys are
 * `<section or item kind>.<field>`.
 */
export const FIELD_LABELS = {
  'facts.title': ['Titel', 'Title'],
  'facts.municipality': ['Kommune', 'Municipality'],
  'facts.partners.authority': ['Myndighed', 'Authority'],
  'facts.partners.provider': ['Leverandør', 'Provider'],
  'facts.partners.investor': ['Investor', 'Investor'],
  'facts.partners.guarantor': ['Garant', 'Guarantor'],
  'facts.currency': ['Valuta', 'Currency'],
  'facts.priceYear': ['Prisår', 'Price year'],
  'facts.startYear': ['Startår', 'Start year'],
  'facts.horizonYears': ['Tidshorisont', 'Horizon'],
  'facts.discountRate': ['Diskonteringsrente', 'Discount rate'],
  'facts.phase': ['Fase', 'Phase'],
  'facts.departments': ['Forvaltninger', 'Departments'],
  'department.name': ['Forvaltningens navn', 'Department name'],
  'department.level': ['Niveau', 'Level'],
  'problem.text': ['Problembeskrivelse', 'Problem definition'],
  'targetGroup.name': ['Målgruppens navn', 'Target group name'],
  'targetGroup.eligiblePopulation': ['Antal i målgruppen', 'Eligible population'],
  'targetGroup.intake': ['Optag pr. år', 'Yearly intake'],
  'intake.participants': ['Deltagere', 'Participants'],
  'intake.year': ['År', 'Year'],
  'interventions.candidates': ['Indsatser', 'Interventions'],
  'interventions.chosenId': ['Valgt indsats', 'Chosen intervention'],
  'intervention.name': ['Indsatsens navn', 'Intervention name'],
  'intervention.provider': ['Leverandør', 'Provider'],
  'intervention.evidenceLevel': ['Evidensniveau', 'Evidence level'],
  'intervention.costPerParticipant': ['Pris pr. deltager', 'Cost per participant'],
  'intervention.fixedCostPerYear': ['Faste omkostninger pr. år', 'Fixed cost per year'],
  'intervention.durationYears': ['Varighed', 'Duration'],
  outcomes: ['Resultatmål', 'Outcome targets'],
  'outcome.name': ['Resultatmålets navn', 'Outcome name'],
  'outcome.definition': ['Definition', 'Definition'],
  'outcome.direction': ['Retning', 'Direction'],
  'outcome.dataSource': ['Datakilde', 'Data source'],
  'outcome.measurementMethod': ['Målemetode', 'Measurement method'],
  'outcome.baselineRate': ['Andel uden indsats (baseline)', 'Baseline rate'],
  'outcome.expectedRate': ['Forventet andel med indsats', 'Expected rate'],
  'outcome.attribution': ['Tilskrivning', 'Attribution'],
  'outcome.lagYears': ['Forsinkelse', 'Lag'],
  'outcome.durationYears': ['Effektens varighed', 'Effect duration'],
  'outcome.persistence': ['Fastholdelse pr. år', 'Persistence per year'],
  'outcome.valuePerDepartment': ['Værdi pr. opnået resultat', 'Value per achieved outcome'],
  'outcome.pricePerOutcome': ['Betaling pr. resultat', 'Payment per outcome'],
  'outcome.paymentBasis': ['Betalingsgrundlag', 'Payment basis'],
  'paymentModel.payerShares': ['Betalingsandele', 'Payer shares'],
  'paymentModel.investorFundedShare': ['Investor finansierer', 'Investor-funded share'],
  'paymentModel.paymentCap': ['Loft over betalinger', 'Cap on payments'],
  'paymentModel.returnCap': ['Afkastloft', 'Return cap'],
  'paymentModel.guaranteeAmount': ['Underskudsgaranti', 'Loss guarantee'],
  'paymentModel.scenarios': ['Scenarieintervaller', 'Scenario ranges'],
  'scenario.effect': ['effekt', 'effect'],
  'scenario.cost': ['omkostninger', 'cost'],
  'scenario.persistence': ['fastholdelse', 'persistence'],
  'evaluation.design': ['Evalueringsdesign', 'Evaluation design'],
  'evaluation.dataSources': ['Datakilder', 'Data sources'],
  'evaluation.measurementPoints': ['Målepunkter', 'Measurement points'],
  'evaluation.evaluator': ['Evaluator', 'Evaluator'],
  'evaluation.contractYears': ['Kontraktens varighed', 'Contract duration'],
  'evaluation.contractParties': ['Kontraktparter', 'Contract parties'],
  'evaluation.signatories': ['Underskrivere', 'Signatories'],
  'signatory.name': ['Underskriverens navn', 'Signatory name'],
  'signatory.organisation': ['Organisation', 'Organisation'],
} as const satisfies Record<string, readonly [string, string]>;
export type FieldLabelKey = keyof typeof FIELD_LABELS;

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A field's plain name in the language; the key itself when there is none. */
export function fieldLabel(key: string, lang: Language): string {
  const entry = (FIELD_LABELS as Record<string, readonly [string, string]>)[key];
  return entry ? entry[lang === 'da' ? 0 : 1] : key;
}
