"use client";

/**
 * Which families the chart (and its export) draws, kept in the page URL as
 * `families=` so a link reproduces the figure. All ticked means no parameter.
 */
export function FamilyPicker({ all, selected, onChange }: {
  all: string[];
  selected: string[];
  onChange: (families: string[] | undefined) => void;
}) {
  const toggle = (family: string, on: boolean) => {
    const next = all.filter((f) => (f === family ? on : selected.includes(f)));
    if (next.length > 0) onChange(next.length === all.length ? undefined : next);
  };
  return (
    <details className="family-picker">
      <summary>Families: {selected.length} of {all.length}</summary>
      <fieldset className="family-list">
        <legend>Families</legend>
        {all.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={selected.includes(f)} disabled={selected.length === 1 && selected.includes(f)}
              onChange={(e) => toggle(f, e.target.checked)} /> {f}
          </label>
        ))}
        {selected.length < all.length && <button type="button" onClick={() => onChange(undefined)}>All families</button>}
      </fieldset>
    </details>
  );
}
