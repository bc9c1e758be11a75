/** The assembly's charge: the question everything here answers, shown above all else. */
export function Charge({ label, charge }: { label: string; charge: string }) {
  return (
    <section className="charge" aria-labelledby="charge-label">
      <h2 id="charge-label" className="charge-label">
        {label}
      </h2>
      <p className="charge-text">{charge}</p>
    </section>
  );
}
