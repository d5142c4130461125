"use client";

export default function TaskError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <p className="error">This task could not be shown: {error.message}</p>
      <button type="button" onClick={reset}>Try again</button>
    </div>
  );
}
