/** A request's verified API token; `admin` may delete any upload. */
export type AuthenticatedToken = { id: number; name: string; admin: boolean };
