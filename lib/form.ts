// The fields of a POST, whether an HTML form sent it (pages work without JavaScript) or a script sent JSON,
// validated with a zod schema. A form is answered with a redirect, a script with JSON.
import type { z } from 'zod';

export async function readFields<S extends z.ZodType>(request: Request, schema: S): Promise<{ form: boolean; fields: z.infer<S> | null }> {
  const type = request.headers.get('content-type') ?? '';
  const form = type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data');
  let raw: unknown = {};
  try {
    raw = form ? Object.fromEntries(await request.formData()) : await request.json();
  } catch {
    return { form, fields: null };
  }
  const parsed = schema.safeParse(raw);
  return { form, fields: parsed.success ? parsed.data : null };
}

/** 303 See Other to a path of this site: after a form, the browser GETs the page it should show. */
export const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', ...headers } });
