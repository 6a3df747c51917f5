import type { Project, ProjectParams } from "../../schema";
import type { Db } from "./db";
import type { Scope } from "./tasks";
import { newObjectId } from "./ids";
import { readJson } from "./json";
import { dialectOf } from "./dialects";

export interface ProjectRecord {
  id: string;
  project: Project;
}

async function history(db: Db, projectId: string): Promise<Project["param_history"]> {
  const rows = await db
    .selectFrom("project_params")
    .selectAll()
    .where("project_id", "=", projectId)
    .orderBy("version", "asc")
    .execute();
  return rows.map((r) => ({
    ...readJson<ProjectParams>(r.params, "project_params.params"),
    version: r.version,
    created_at: new Date(r.created_at).toISOString(),
  }));
}

export async function getProject(db: Db, scope: Scope, name: string): Promise<ProjectRecord | undefined> {
  const row = await db
    .selectFrom("projects")
    .selectAll()
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("name", "=", name)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    project: {
      type: row.type as Project["type"],
      name: row.name,
      param_history: await history(db, row.id),
      created_at: new Date(row.created_at).toISOString(),
    },
  };
}

export async function listProjects(db: Db, scope: Scope): Promise<Project[]> {
  const rows = await db
    .selectFrom("projects")
    .select(["name"])
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .orderBy("created_at", "asc")
    .execute();
  const out: Project[] = [];
  for (const r of rows) {
    const p = await getProject(db, scope, r.name);
    if (p) out.push(p.project);
  }
  return out;
}

/** Creates the project with version 0 of its params, in one transaction. */
export async function insertProject(
  db: Db,
  scope: Scope,
  input: { type: string; name: string; params: ProjectParams },
): Promise<void> {
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    const id = newObjectId(now);
    await trx
      .insertInto("projects")
      .values({ id, account_id: scope.accountId, mode: scope.mode, name: input.name, type: input.type, created_at: now })
      .execute();
    await trx
      .insertInto("project_params")
      .values({ project_id: id, version: 0, params: JSON.stringify(input.params), created_at: now })
      .execute();
  });
}

/** Appends a version; with `patch`, the new params are the latest merged with the given ones. */
export async function appendProjectParams(db: Db, projectId: string, params: ProjectParams, patch: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two appends at once must not both read version n and both write n + 1.
    await dialectOf(trx).forUpdate(trx.selectFrom("projects").select("id").where("id", "=", projectId)).execute();
    const latest = await trx
      .selectFrom("project_params")
      .selectAll()
      .where("project_id", "=", projectId)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst();
    const base = patch && latest ? readJson<ProjectParams>(latest.params, "project_params.params") : {};
    await trx
      .insertInto("project_params")
      .values({
        project_id: projectId,
        version: latest ? latest.version + 1 : 0,
        params: JSON.stringify({ ...base, ...params }),
        created_at: Date.now(),
      })
      .execute();
  });
}
