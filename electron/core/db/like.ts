/** Escape a user's text for LIKE … ESCAPE '\' (so 50% or a_b match themselves). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
