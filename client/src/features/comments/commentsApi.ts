import { apiRequest } from '../../api/request.ts';
import type { WorkshopCall } from '../workshop/workshopApi.ts';

const base = ({ caseId }: WorkshopCall) => `/api/cases/${encodeURIComponent(caseId)}/workshop/comments`;

/**
 * W9: comments are written by the server in the token's party's name, now; the room sees the
 * new value through the document. Failures are values.
 */
export const postComment = (at: WorkshopCall, input: { itemPath: string; parentId?: string; text: string }) =>
  apiRequest(base(at), { method: 'POST', body: input, tokens: [at.token] });

/** W9: marks a thread's first comment resolved or open again. */
export const resolveComment = (at: WorkshopCall, commentId: string, resolved: boolean) =>
  apiRequest(`${base(at)}/${encodeURIComponent(commentId)}/resolve`, {
    method: 'POST',
    body: { resolved },
    tokens: [at.token],
  });
