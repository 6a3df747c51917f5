import type { Principal } from "../store/accounts";
import type { WorkHolder } from "../../schema/work";

// Who holds a task in the workbench: a signed-in member, or (key sign-in, a single-person setup)
// the API key, which acts as the account's admin. Stored as one string so a claim is one column.

export interface Holder {
  /** `member:<id>` or `key:<id>`. */
  id: string;
  name: string;
  memberId: string | null;
}

export function holderOf(p: Principal): Holder {
  if (p.member) return { id: `member:${p.member.id}`, name: p.member.name, memberId: p.member.id };
  return { id: `key:${p.keyId ?? "unknown"}`, name: `API key ${p.actor}…`, memberId: null };
}

export function wireHolder(id: string, name: string): WorkHolder {
  return { id, name };
}
