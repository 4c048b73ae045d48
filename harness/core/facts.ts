/**
 * Facts are what the customer has achieved (`ordered:app`, `licence:app`, `logged-in`): the
 * world keeps them as sorted strings because they are part of the search's state key and a
 * scenario's goal names them (`needs: [licence:app]`). Read them through `parseFact`, never by
 * splitting the string, so the format has one home.
 */

export interface Fact {
  /** What happened: `ordered`, `licence`, `delivered`, `active`, `mail`, `statement`, … */
  verb: string;
  /** What it happened to — a product id, or a mail kind for `mail:` — when it names one. */
  subject?: string;
}

/** `licence:app` → `{ verb: 'licence', subject: 'app' }`; `logged-in` → `{ verb: 'logged-in' }`. */
export function parseFact(fact: string): Fact {
  const at = fact.indexOf(':');
  return at < 0 ? { verb: fact } : { verb: fact.slice(0, at), subject: fact.slice(at + 1) };
}
