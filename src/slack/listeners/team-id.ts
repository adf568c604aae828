/**
 * The workspace a request comes from. Org-wide installs may send `team: null` on interactive payloads; the
 * person's own workspace is then the one on the user.
 */
export function teamIdOf(body: {
  team?: { id?: string } | null;
  user?: { team_id?: string };
}): string | undefined {
  return body.team?.id ?? body.user?.team_id ?? undefined;
}
