import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project, Task, TaskCreateFields } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";

// Project params obey the task's limits, the instruction a task ends up with too, and nothing a
// user sends to the project endpoints is silently dropped or saved empty.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

/** The task limit, read from the schema the API validates with (no second constant). */
const LIMIT = TaskCreateFields.shape.instruction.unwrap().maxLength!;

const createProject = (body: unknown) => server.api("/v1/projects", { json: body });
const setParams = (name: string, body: unknown) => server.api(`/v1/projects/${name}/setParams`, { json: body });
const errorOf = async (res: Response) => {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: string }).error;
};
const history = async (name: string) => Project.parse(await (await server.api(`/v1/projects/${name}`)).json()).param_history;
const taskCount = async () => ((await (await server.api("/v1/tasks?limit=1")).json()) as { total: number }).total;

describe("project instruction limits", () => {
  it("refuses a project instruction over the task limit on creation, and creates nothing", async () => {
    expect(LIMIT).toBe(200_000);
    for (const size of [LIMIT + 1, 5 * 1024 * 1024]) {
      const error = await errorOf(await createProject({ type: "annotation", name: "huge", params: { instruction: "x".repeat(size) } }));
      expect(error).toBe(`params.instruction: must be at most ${LIMIT} characters`);
      expect((await server.api("/v1/projects/huge")).status).toBe(404);
    }
    const atLimit = await createProject({ type: "annotation", name: "at-limit", params: { instruction: "y".repeat(LIMIT) } });
    expect(atLimit.status).toBe(200);
  });

  it("refuses a too long instruction in setParams and keeps the history as it was", async () => {
    expect((await createProject({ type: "annotation", name: "limits", params: { instruction: "Box the cats." } })).status).toBe(200);
    const error = await errorOf(await setParams("limits", { instruction: "x".repeat(LIMIT + 1) }));
    expect(error).toBe(`instruction: must be at most ${LIMIT} characters`);
    expect((await history("limits")).map((h) => h.version)).toEqual([0]);
  });

  it("checks every project param a task also takes with the task's own schema", async () => {
    const bad = await errorOf(await createProject({ type: "annotation", name: "cb", params: { callback_url: "not a url", objects_to_annotate: [] } }));
    expect(bad).toContain("params.callback_url: must be an http or https URL or an e-mail address");
    expect(bad).toContain("params.objects_to_annotate: must list at least one object");
    expect((await server.api("/v1/projects/cb")).status).toBe(404);
    const patch = await errorOf(await setParams("limits", { urgency: "soon", patch: true }));
    expect(patch).toContain("urgency: must be one of express, standard");
    // Keys no task takes are still kept in the history as given.
    const ok = await setParams("limits", { reviewer_notes: "free text", patch: true });
    expect(ok.status).toBe(200);
    expect((await history("limits")).at(-1)).toMatchObject({ instruction: "Box the cats.", reviewer_notes: "free text" });
  });

  it("refuses a task whose own instruction plus the project's exceeds the limit, and stores nothing", async () => {
    const projectPart = "p".repeat(LIMIT - 1000);
    expect((await createProject({ type: "annotation", name: "long-instruction", params: { instruction: projectPart } })).status).toBe(200);
    const before = await taskCount();
    const body = { ...validBodies.annotation, project: "long-instruction", instruction: "t".repeat(2000) };
    const error = await errorOf(await server.api("/v1/task/annotation", { json: body }));
    expect(error).toMatch(/^instruction: /);
    expect(error).toContain(`must be at most ${LIMIT} characters`);
    expect(error).toContain('project "long-instruction"');
    expect(await taskCount()).toBe(before);
    // The same task without inheritance, or with a short own instruction, is fine.
    expect((await server.api("/v1/task/annotation", { json: { ...body, project_param_version: -1 } })).status).toBe(200);
    const short = await server.api("/v1/task/annotation", { json: { ...body, instruction: "Box it." } });
    expect(short.status).toBe(200);
    expect(Task.parse(await short.json()).instruction.length).toBeLessThanOrEqual(LIMIT);
  });
});

describe("project creation fields", () => {
  it("takes a top-level instruction as params.instruction (form and JSON)", async () => {
    const form = await server.api("/v1/projects", { form: "type=annotation&name=top-level&instruction=hello" });
    expect(form.status).toBe(200);
    expect(Project.parse(await form.json()).param_history[0].instruction).toBe("hello");
    const json = await createProject({ type: "categorization", name: "top-level-json", instruction: "Sort it." });
    expect(Project.parse(await json.json()).param_history[0].instruction).toBe("Sort it.");
    // ... and the tasks created under it inherit it.
    const { instruction: _omit, ...body } = validBodies.categorization;
    const task = await server.api("/v1/task/categorization", { json: { ...body, project: "top-level-json" } });
    expect(Task.parse(await task.json()).instruction).toBe("Sort it.");
  });

  it("refuses any other unknown top-level field, saying where it belongs", async () => {
    const error = await errorOf(await server.api("/v1/projects", { form: "type=annotation&name=unknown-field&callback_url=https://e.com/cb" }));
    expect(error).toMatch(/^callback_url: is not a field of a project/);
    expect(error).toContain("params[callback_url]");
    expect((await server.api("/v1/projects/unknown-field")).status).toBe(404);
    const twice = await errorOf(await createProject({ type: "annotation", name: "twice", instruction: "a", params: { instruction: "b" } }));
    expect(twice).toMatch(/^instruction: is given both at the top level and as params\[instruction\]/);
    expect((await server.api("/v1/projects/twice")).status).toBe(404);
  });

  it("treats an empty instruction on creation as none", async () => {
    const res = await createProject({ type: "annotation", name: "no-instruction", params: { instruction: "" } });
    expect(Project.parse(await res.json()).param_history[0]).not.toHaveProperty("instruction");
  });
});

describe("setParams", () => {
  it("refuses an empty or blank instruction, and a request with nothing to save", async () => {
    expect((await createProject({ type: "annotation", name: "blank", params: { instruction: "Keep me." } })).status).toBe(200);
    for (const body of [{ instruction: "" }, { instruction: "  \n\t " }, { instruction: " ", patch: true }]) {
      expect(await errorOf(await setParams("blank", body))).toMatch(/^instruction: must not be empty/);
    }
    expect(await errorOf(await server.api("/v1/projects/blank/setParams", { form: "instruction=" }))).toMatch(/^instruction: must not be empty/);
    expect(await errorOf(await setParams("blank", {}))).toMatch(/^instruction: is required/);
    expect(await errorOf(await setParams("blank", { patch: true }))).toMatch(/^instruction: is required/);
    const after = await history("blank");
    expect(after.map((h) => h.version)).toEqual([0]);
    expect(after[0].instruction).toBe("Keep me.");
  });

  it("reads {params: {...}} (the creation shape) as the params, and refuses type and name", async () => {
    const res = await setParams("blank", { params: { instruction: "Nested works too." } });
    expect(res.status).toBe(200);
    expect((await history("blank")).at(-1)?.instruction).toBe("Nested works too.");
    expect(await errorOf(await setParams("blank", { type: "polygonannotation", instruction: "x" }))).toMatch(/^type: a project's type can't be changed/);
  });
});
