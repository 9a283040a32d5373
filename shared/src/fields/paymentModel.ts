import { z } from 'zod';
import { Money, Rate } from '../model/primitives.ts';
import { number, numberRecord } from './kinds.ts';

/** Who pays what, who funds the cost, and the limits on payments and return (section `paymentModel`). */
export const PAYMENT_MODEL_FIELDS = {
  /** Share of outcome payments per paying department id (P10: not renormalised). */
  payerShares: numberRecord('percent', Rate, {
    da: {
      label: 'Betalingsandele (hvem betaler)',
      name: 'Betalingsandele',
      help: 'Hvor stor en del af resultatbetalingerne hver forvaltning betaler. Andelene bør give 100 % tilsammen.',
    },
    en: {
      label: 'Payer shares (who pays)',
      name: 'Payer shares',
      help: 'The share of the outcome payments each department pays. The shares should add up to 100 %.',
    },
    sourceNote: true,
    layout: { columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
  investorFundedShare: number('percent', Rate, {
    da: {
      label: 'Investors andel af udgiften',
      name: 'Investor finansierer',
      help: 'Den del af indsatsens udgift, investor lægger ud. Resten betaler myndigheden selv.',
    },
    en: {
      label: 'Investor’s share of the cost',
      name: 'Investor-funded share',
      help: 'The part of the intervention’s cost the investor funds. The authority pays the rest itself.',
    },
    sourceNote: true,
    layout: { group: 'paymentModel.funding', columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
  paymentCap: number('money', Money.optional(), {
    da: {
      label: 'Loft over betalinger',
      help: 'Det højeste samlede beløb, der kan udbetales. Tomt betyder intet loft.',
    },
    en: { label: 'Cap on payments', help: 'The most that can be paid out in total. Empty means no cap.' },
    sourceNote: true,
    layout: { group: 'paymentModel.funding', columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
  returnCap: number('percent', z.number().min(0).optional(), {
    da: { label: 'Afkastloft', help: 'Det højeste årlige afkast, investor kan få. Tomt betyder intet loft.' },
    en: { label: 'Return cap', help: 'The highest yearly return the investor can get. Empty means no cap.' },
    sourceNote: true,
    layout: { group: 'paymentModel.funding', columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
  guaranteeAmount: number('money', Money.optional(), {
    da: {
      label: 'Tabsgaranti (afkastgulv)',
      name: 'Underskudsgaranti',
      help: 'Det beløb, en garant højst dækker af investors tab.',
    },
    en: { label: 'Loss guarantee', help: 'The most a guarantor covers of the investor’s loss.' },
    sourceNote: true,
    layout: { group: 'paymentModel.funding', columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
};
