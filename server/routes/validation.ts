// A zod error as one message with every issue's path and reason, for 400 answers.
import type { z } from 'zod';

export function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}
