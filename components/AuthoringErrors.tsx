// Development only: what is wrong with the course's files, shown where the author is looking (the lesson page,
// in place of its text; the course page, listing the lessons left out). The terminal beside it keeps running.
export function AuthoringErrors({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="authoring-errors" role="alert" data-testid="authoring-errors">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
