/**
 * Finding messages in Danish and English. `{name}` is replaced by the finding's parameter.
 * Written for a department head, not a programmer: what is wrong and what to do.
 */
export const FINDING_MESSAGES_DA = {
  required: '{field} mangler.',
  notWhole: '{field} skal være et helt tal.',
  rateRange: '{field} skal ligge mellem 0 % og 100 %.',
  negative: '{field} kan ikke være negativ.',
  horizonRange: 'Tidshorisonten skal være mellem 1 og 50 år.',
  tooLarge: '{field} er for stor.',
  tooSmall: '{field} skal være mindst {min}.',
  notAbove: '{field} skal være større end {min}.',
  invalidChoice: 'Vælg en værdi for {field}.',
  listEmpty: 'Tilføj mindst én: {field}.',
  pointsEmpty: 'Resultatmålet »{item}« har ingen målepunkter: hvornår måles der, og hvad betales der?',
  pointsTooMany: 'Resultatmålet »{item}« har mere end 12 målepunkter.',
  pointMonthsMissing: 'Et målepunkt for »{item}« mangler antal måneder efter start.',
  pointMonthsRange: 'Et målepunkt for »{item}« skal ligge et helt antal måneder fra 0 til 600 efter start.',
  pointPriceMissing: 'Et målepunkt for »{item}« mangler en pris pr. resultat.',
  pointPriceNegative: 'Prisen ved et målepunkt for »{item}« kan ikke være negativ.',
  pointBasisMissing:
    'Vælg for et målepunkt for »{item}«, om der betales for alle opnåede resultater eller kun dem ud over basisniveauet.',
  invalid: '{field} har en ugyldig værdi.',
  outcomeNoDataSource: 'Resultatmålet »{item}« har ingen datakilde: hvordan skal det måles?',
  noInterventionChosen: 'Der er ikke valgt en indsats endnu.',
  chosenInterventionMissing: 'Den valgte indsats findes ikke længere. Vælg en af kandidaterne.',
  expectedNotBetter:
    'Resultatmålet »{item}«: den forventede andel ({expected}) er ikke bedre end baseline ({baseline}). Så skaber indsatsen ingen effekt.',
  intakeAbovePopulation:
    'Optaget i år {year} ({participants} personer) er større end hele målgruppen ({population} personer).',
  intakeTotalAbovePopulation:
    'Det samlede optag ({participants} personer) er større end målgruppen ({population} personer). Kan de samme borgere tælle flere gange?',
  intakeBeyondHorizon: 'Optaget i år {year} ligger uden for tidshorisonten og tæller ikke med.',
  outcomeEffectPastHorizon:
    'Effekten af »{item}« begynder først ved eller efter tidshorisontens slutning for optaget i {cohorts}: den tæller ikke med i business casen.',
  outcomePaymentPastHorizon:
    'Et målepunkt for »{item}« ligger ved eller efter tidshorisontens slutning for optaget i {cohorts}: betalingen på {amount} (før loftet) udbetales ikke inden for horisonten.',
  outcomePaymentAfterSettlement:
    'Betalingen for »{item}« for optaget i {cohorts} forfalder efter det år, kontrakten gøres op (år {settlement}), og udbetales derfor ikke: {amount} (før loftet). Forlæng kontrakten eller gør forsinkelsen kortere, hvis resultaterne skal betales.',
  outcomePaymentBeforeEffect:
    'Et målepunkt for »{item}« falder før effekten begynder for optaget i {cohorts}: der betales {amount} (før loftet) for resultater, indsatsen endnu ikke kan have skabt. Tjek målepunktet og forsinkelsen.',
  outcomeLastsPastHorizon:
    'Effekten af »{item}« varer ud over tidshorisonten; den del tæller ikke med i business casen.',
  capitalAfterSettlement:
    'Optaget i år {year} koster investor penge helt til år {lastYear}, efter det år, kontrakten gøres op (år {settlement}). De penge kan investor ikke få betalt tilbage under kontrakten. Flyt optaget eller forlæng kontrakten.',
  valueForUnknownDepartment: 'Resultatmålet »{item}« bogfører værdi hos en forvaltning, der ikke er med i casen.',
  payerNotInCase: 'En betalingsandel er sat for en forvaltning, der ikke er med i casen.',
  payerSharesNot100:
    'Betalingsandelene summer til {sum}, ikke 100 %. Resten ({rest} af hver betaling) står som »ikke fordelt endnu« og skal betales af kommunen som myndighed.',
  payerSharesOver100:
    'Betalingsandelene summer til {sum}, mere end 100 %. Ret dem, så de summer til 100 %: indtil da regnes de ned forholdsmæssigt, så der ikke betales mere, end investor får.',
  payerGainsNothing: '{department} betaler {share} af betalingerne, men får ingen værdi af resultaterne.',
  gainsButPaysNothing:
    '{department} får værdi af resultaterne ({value} i nutidsværdi), men betaler ikke. Skal {department} bidrage?',
  departmentWithoutLevel: 'Forvaltningen »{item}« mangler niveau (kommunal, regional, statslig eller andet).',
  guarantorWithoutLevel:
    'Garantistens niveau mangler: garantien regnes som privat og tæller ikke med i kommunens eller den offentlige sektors tal.',
  scenarioRangeWrongSide: 'Scenariointervallet for {field}: lav skal være højst 1 og høj mindst 1.',
  paymentsExceedValue:
    'Kommunen betaler mere ({payments}) end den sparer ({value}) i nutidsværdi: business casen er negativ for kommunen.',
  investorLosesExpected: 'I det forventede scenarie taber investor penge ({net}).',
  capBelowCapital:
    'Loftet over betalinger ({cap}) er lavere end investors kapital ({capital}): investor kan ikke få sine penge igen.',
  capIrrelevant:
    'Loftet over betalinger ({cap}) kan aldrig nås, fordi afkastloftet begrænser betalingerne til højst {max}.',
  returnCapIrrelevant:
    'Afkastloftet har ingen virkning, fordi loftet over betalinger ({cap}) ikke engang dækker investors kapital.',
  notPriceable: 'Business casen kan ikke beregnes endnu: {reason}',
  outcomeNotPriced:
    'Resultatmålet »{item}« indgår ikke i beregningen, før baseline, forventet andel, forsinkelse og varighed er udfyldt.',
  problemEmpty: 'Problembeskrivelsen er tom. Beskriv problemet, årsagerne og hvad der er prøvet.',
  rationaleEmpty: 'Skriv hvorfor gruppen valgte »{item}«, så beslutningen kan forklares senere.',
  reasonNoHorizon: 'tidshorisonten mangler.',
  reasonNoDiscountRate: 'diskonteringsrenten mangler.',
  reasonNoIntervention: 'der er ikke valgt en indsats.',
  reasonOutOfBounds: 'et tal ligger uden for de grænser, Caseroom regner med (se fejlene).',
  boundAbove: '{field} må højst være {max} (større tal regner Caseroom ikke med).',
  boundBelow: '{field} skal være mindst {min} (mindre tal regner Caseroom ikke med).',
  boundNotWhole: '{field} skal være et helt tal (Caseroom regner ikke med brøkdele).',
  durationPastHorizon:
    '{field} for »{item}« er længere end hele tidshorisonten ({horizon}). Kun årene inden for horisonten regnes med.',
} as const;

export type FindingMessageKey = keyof typeof FINDING_MESSAGES_DA;

export const FINDING_MESSAGES_EN: Record<FindingMessageKey, string> = {
  required: '{field} is missing.',
  notWhole: '{field} must be a whole number.',
  rateRange: '{field} must be between 0 % and 100 %.',
  negative: '{field} cannot be negative.',
  horizonRange: 'The horizon must be between 1 and 50 years.',
  tooLarge: '{field} is too large.',
  tooSmall: '{field} must be at least {min}.',
  notAbove: '{field} must be more than {min}.',
  invalidChoice: 'Choose a value for {field}.',
  listEmpty: 'Add at least one: {field}.',
  pointsEmpty: 'Outcome “{item}” has no measurement points: when is it measured, and what is paid?',
  pointsTooMany: 'Outcome “{item}” has more than 12 measurement points.',
  pointMonthsMissing: 'A measurement point of “{item}” has no months after intake.',
  pointMonthsRange: 'A measurement point of “{item}” must lie a whole number of months from 0 to 600 after intake.',
  pointPriceMissing: 'A measurement point of “{item}” has no price per outcome.',
  pointPriceNegative: 'The price at a measurement point of “{item}” cannot be negative.',
  pointBasisMissing:
    'Choose for a measurement point of “{item}” whether all achieved outcomes are paid for, or only those above the baseline.',
  invalid: '{field} has an invalid value.',
  outcomeNoDataSource: 'The outcome “{item}” has no data source: how will it be measured?',
  noInterventionChosen: 'No intervention has been chosen yet.',
  chosenInterventionMissing: 'The chosen intervention no longer exists. Choose one of the candidates.',
  expectedNotBetter:
    'Outcome “{item}”: the expected rate ({expected}) is not better than the baseline ({baseline}), so the intervention creates no effect.',
  intakeAbovePopulation:
    'The intake in year {year} ({participants} people) is larger than the whole target group ({population} people).',
  intakeTotalAbovePopulation:
    'The total intake ({participants} people) is larger than the target group ({population} people). Could the same citizens be counted twice?',
  intakeBeyondHorizon: 'The intake in year {year} lies beyond the horizon and does not count.',
  outcomeEffectPastHorizon:
    'The effect of “{item}” starts at or after the end of the horizon for the intake of {cohorts}: it is not in the business case.',
  outcomePaymentPastHorizon:
    'A measurement point of “{item}” lies at or after the end of the horizon for the intake of {cohorts}: the payment of {amount} (before the cap) is not paid within the horizon.',
  outcomePaymentAfterSettlement:
    'The payment for “{item}” for the intake of {cohorts} falls due after the year the contract is settled (year {settlement}), so it is not paid: {amount} (before the cap). Extend the contract or shorten the lag if these outcomes are to be paid for.',
  outcomePaymentBeforeEffect:
    'A measurement point for “{item}” falls before the effect starts for the intake of {cohorts}: {amount} (before the cap) is paid for outcomes the intervention cannot have created yet. Check the measurement point and the lag.',
  outcomeLastsPastHorizon: 'The effect of “{item}” lasts beyond the horizon; that part is not in the business case.',
  capitalAfterSettlement:
    'The intake in year {year} costs the investor money until year {lastYear}, after the year the contract is settled (year {settlement}). The investor cannot be repaid that money under the contract. Move the intake or extend the contract.',
  valueForUnknownDepartment: 'The outcome “{item}” books value to a department that is not in the case.',
  payerNotInCase: 'A payer share is set for a department that is not in the case.',
  payerSharesNot100:
    'The payer shares add up to {sum}, not 100 %. The rest ({rest} of each payment) shows as “not yet allocated” and is owed by the municipality as the authority.',
  payerSharesOver100:
    'The payer shares add up to {sum}, more than 100 %. Correct them so they add up to 100 %: until then they are scaled down pro rata, so no more is paid than the investor receives.',
  payerGainsNothing: '{department} pays {share} of the payments but gains no value from the outcomes.',
  gainsButPaysNothing:
    '{department} gains value from the outcomes ({value} in present value) but pays nothing. Should {department} contribute?',
  departmentWithoutLevel: 'The department “{item}” has no level (municipal, regional, state or other).',
  guarantorWithoutLevel:
    'The guarantor has no level: the guarantee is counted as private and is not in the municipality’s or the public sector’s figures.',
  scenarioRangeWrongSide: 'The scenario range for {field}: low must be at most 1 and high at least 1.',
  paymentsExceedValue:
    'The municipality pays more ({payments}) than it saves ({value}) in present value: the business case is negative for the municipality.',
  investorLosesExpected: 'In the expected scenario the investor loses money ({net}).',
  capBelowCapital:
    'The cap on payments ({cap}) is below the investor’s capital ({capital}): the investor cannot get its money back.',
  capIrrelevant:
    'The cap on payments ({cap}) can never be reached, because the return cap limits payments to at most {max}.',
  returnCapIrrelevant:
    'The return cap has no effect, because the cap on payments ({cap}) does not even cover the investor’s capital.',
  notPriceable: 'The business case cannot be calculated yet: {reason}',
  outcomeNotPriced:
    'The outcome “{item}” is left out of the figures until its baseline, expected rate, lag and duration are filled in.',
  problemEmpty: 'The problem definition is empty. Describe the problem, its causes and what has been tried.',
  rationaleEmpty: 'Write down why the group chose “{item}”, so the decision can be explained later.',
  reasonNoHorizon: 'the horizon is missing.',
  reasonNoDiscountRate: 'the discount rate is missing.',
  reasonNoIntervention: 'no intervention has been chosen.',
  reasonOutOfBounds: 'a number lies outside the bounds Caseroom calculates with (see the errors).',
  boundAbove: '{field} can be at most {max} (Caseroom does not calculate with larger numbers).',
  boundBelow: '{field} must be at least {min} (Caseroom does not calculate with smaller numbers).',
  boundNotWhole: '{field} must be a whole number (Caseroom does not calculate with fractions).',
  durationPastHorizon:
    '{field} of “{item}” is longer than the whole horizon ({horizon}). Only the years within the horizon count.',
};
