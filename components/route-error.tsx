"use client";

/** The error boundary of a route segment: says what failed and offers a retry. */
export function RouteError({ what, error, reset }: { what: string; error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <p className="error">{what} could not be shown: {error.message}</p>
      <button type="button" onClick={reset}>Try again</button>
    </div>
  );
}
