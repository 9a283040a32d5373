import { z } from 'zod';
import { CaseModelDraft } from '../model/caseModel.ts';
import { CaseListing, CreatedCaseLink } from './answers.ts';
import { AS_PARTY, WITH_ORGANISATION_KEY } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';

/** What `POST /api/cases` accepts: no body, `{}` or `{"example": true|false}`. */
export const CreateCaseBody = z.strictObject(
  { example: z.boolean().optional() },
  { error: () => 'The body must be empty, {} or {"example": true}' },
);

/** Cases: create, list, read the model (docs/access.md A3, A6). */
export const casesEndpoints = {
  /** Beyond loopback behind the organisation key; the caller becomes its facilitator. */
  createCase: endpoint({
    method: 'POST',
    path: '/api/cases',
    body: CreateCaseBody,
    response: CreatedCaseLink,
    status: 201,
    errors: WITH_ORGANISATION_KEY,
  }),
  /** Bearer t1,t2,… → the cases those tokens open, each with the caller's strongest party; none → []. */
  listCases: endpoint({ method: 'GET', path: '/api/cases', response: z.array(CaseListing) }),
  /** Any party → the case model. */
  caseModel: endpoint({ method: 'GET', path: '/api/cases/:id/model', response: CaseModelDraft, errors: AS_PARTY }),
} as const;
