import type { FastifyInstance } from "fastify";
import { ProjectCreate, describeZodError, projectSetParamsSchema } from "../../schema";
import type { Db } from "../store/db";
import { appendProjectParams, getProject, insertProject, listProjects } from "../store/projects";
import { ApiError, badRequest } from "../http/errors";
import { scopeOf } from "../http/request";
import { recordActivity } from "../accounts/activity";

export function registerProjectRoutes(app: FastifyInstance, db: Db): void {
  app.post("/projects", async (req) => {
    const parsed = ProjectCreate.safeParse(req.body);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.body));
    const scope = scopeOf(req);
    if (await getProject(db, scope, parsed.data.name)) {
      throw new ApiError(409, `name: a project named "${parsed.data.name}" already exists`);
    }
    try {
      await insertProject(db, scope, parsed.data);
    } catch (err) {
      if (/UNIQUE/i.test(String(err))) throw new ApiError(409, `name: a project named "${parsed.data.name}" already exists`);
      throw err;
    }
    await recordActivity(db, req, { action: "project created", project: parsed.data.name });
    return (await getProject(db, scope, parsed.data.name))!.project;
  });

  app.get("/projects", async (req) => listProjects(db, scopeOf(req)));

  app.get<{ Params: { name: string } }>("/projects/:name", async (req) => {
    const found = await getProject(db, scopeOf(req), req.params.name);
    if (!found) throw new ApiError(404, `no project named "${req.params.name}"`);
    return found.project;
  });

  app.post<{ Params: { name: string } }>("/projects/:name/setParams", async (req) => {
    const scope = scopeOf(req);
    const found = await getProject(db, scope, req.params.name);
    if (!found) throw new ApiError(404, `no project named "${req.params.name}"`);
    const parsed = projectSetParamsSchema(found.project.type).safeParse(req.body);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.body));
    await appendProjectParams(db, found.id, parsed.data.params, parsed.data.patch);
    await recordActivity(db, req, { action: "project params changed", project: req.params.name });
    return (await getProject(db, scope, req.params.name))!.project;
  });
}
