import styles from "./models.module.css";

/** A labelled text input with its error underneath, tied to it for screen readers. */
export function DraftField({ id, label, value, placeholder, error, wide, onChange }: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  error?: string;
  wide?: boolean;
  onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  return (
    <label className={wide ? styles.wide : undefined}>
      {label}
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <span id={errorId} className={styles.fieldError}>{error}</span>}
    </label>
  );
}
