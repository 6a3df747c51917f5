import { createContext, useContext } from "react";
import type { TaskType } from "../../../schema";
import type { Body } from "./body";

/** What every widget may need beyond its own value: the whole body and the type. */
export interface CreateFormContextValue {
  type: TaskType;
  body: Body;
  /** Sets a top-level field (a widget that edits another field, e.g. attachment_type). */
  setField(name: string, value: unknown): void;
  /** A control whose text can't become a value yet (bad JSON): counted like a schema error. */
  setLocalError(key: string, message: string | null): void;
  /** The chosen project's version that the task will inherit (null: no project, or -1). */
  inherited: InheritedVersion | null;
  /** The account's default callback URL (settings), used when callback_url is empty. */
  defaultCallbackUrl: string | null;
}

export interface InheritedVersion {
  project: string;
  version: number;
  instruction?: string;
  /** The other params the project passes on (its template). */
  params: Record<string, unknown>;
}

export const CreateFormContext = createContext<CreateFormContextValue | null>(null);

export function useCreateForm(): CreateFormContextValue {
  const ctx = useContext(CreateFormContext);
  if (!ctx) throw new Error("useCreateForm outside the create form");
  return ctx;
}
