// Development only: what is wrong with the lesson's files, each problem naming its file (and line), shown
// where the lesson text would be. The terminal beside it keeps running while the author fixes and saves.
export function AuthoringErrors({ title, hint, problems }: { title: string; hint: string; problems: string[] }) {
  return (
    <section className="authoring-errors" role="alert" data-testid="authoring-errors">
      <h2>{title}</h2>
      {problems.map((p) => (
        <pre key={p}>{p}</pre>
      ))}
      <p>{hint}</p>
    </section>
  );
}
