import { api } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { WorkshopCall } from '../workshop/workshopApi.ts';

/**
 * W9: comments are written by the server in the token's party's name, now; the room sees the
 * new value through the document. Failures are values.
 */
export const postComment = (
  { caseId, token }: WorkshopCall,
  input: { itemPath: string; parentId?: string; text: string },
) => callApi(api.postComment, { params: { id: caseId }, body: input, tokens: [token] });

/** W9: marks a thread's first comment resolved or open again. */
export const resolveComment = ({ caseId, token }: WorkshopCall, commentId: string, resolved: boolean) =>
  callApi(api.resolveComment, { params: { id: caseId, commentId }, body: { resolved }, tokens: [token] });
