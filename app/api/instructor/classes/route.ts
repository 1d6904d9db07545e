// GET /api/instructor/classes: the signed-in instructor's classes. POST: create one (name; form or JSON).
import { z } from 'zod';
import { readFields, seeOther } from '@/lib/form';
import { textOf } from '@/lib/i18n';
import { instructorOf } from '@/server/instructor-server';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const NewClass = z.object({ name: z.string().trim().min(1).max(80) });

export async function GET(request: Request) {
  const instructor = instructorOf(request);
  if (instructor instanceof Response) return instructor;
  return Response.json({ classes: runtime().classes.ofInstructor(instructor.id) });
}

export async function POST(request: Request) {
  const instructor = instructorOf(request);
  if (instructor instanceof Response) return instructor;
  const { form, fields } = await readFields(request, NewClass);
  if (!fields) {
    const error = textOf('instructor.classes.nameError');
    return form ? seeOther('/instructor?error=class-name') : Response.json({ error }, { status: 400 });
  }
  const created = runtime().classes.create(instructor.id, fields.name);
  return form ? seeOther(`/instructor/classes/${created.id}`) : Response.json({ class: created }, { status: 201 });
}
