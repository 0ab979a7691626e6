/** What an unknown id shows, another org's included: the API answers 404 and the page says no more than that. */
export function NotFound({ what }: { what: 'conversation' | 'contact' }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p role="alert" className="error">No such {what}.</p>
      <p><a href="#/conversations">Back to the conversations</a></p>
    </section>
  );
}
