import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const createProject = (body: unknown, key?: string) => server.api("/v1/projects", { json: body, key });

describe("projects", () => {
  it("creates a project with version 0 of its params, as the docs show", async () => {
    const res = await createProject({ type: "annotation", name: "kitten_labeling", params: { instruction: "please label the kittens in this image" } });
    expect(res.status).toBe(200);
    const p = Project.parse(await res.json());
    expect(p).toMatchObject({ type: "annotation", name: "kitten_labeling" });
    expect(p.param_history).toEqual([
      { instruction: "please label the kittens in this image", version: 0, created_at: p.created_at },
    ]);
  });

  it("refuses duplicates, unknown types and missing names", async () => {
    expect((await createProject({ type: "annotation", name: "kitten_labeling" })).status).toBe(409);
    const badType = await createProject({ type: "dance", name: "x" });
    expect(badType.status).toBe(400);
    expect((await badType.json()).error).toContain("type: must be one of");
    const noName = await createProject({ type: "annotation" });
    expect((await noName.json()).error).toContain("name: is required");
  });

  it("gets one project, lists all, and answers 404 for unknown names", async () => {
    const one = Project.parse(await (await server.api("/v1/projects/kitten_labeling")).json());
    expect(one.name).toBe("kitten_labeling");
    const all = (await (await server.api("/v1/projects")).json()) as unknown[];
    expect(all.map((p) => Project.parse(p).name)).toContain("kitten_labeling");
    expect((await server.api("/v1/projects/nope")).status).toBe(404);
    // Projects are per mode.
    expect((await server.api("/v1/projects/kitten_labeling", { key: server.liveKey })).status).toBe(404);
  });

  it("appends versions with setParams, replacing or (patch: true) merging", async () => {
    const v1 = Project.parse(await (await server.api("/v1/projects/kitten_labeling/setParams", { json: { instruction: "please label the kittens and the cats in this image" } })).json());
    expect(v1.param_history.map((h) => h.version)).toEqual([0, 1]);
    expect(v1.param_history[1].instruction).toBe("please label the kittens and the cats in this image");
    const v2 = Project.parse(await (await server.api("/v1/projects/kitten_labeling/setParams", { json: { reviewer_notes: "x", patch: true } })).json());
    expect(v2.param_history[2]).toMatchObject({ version: 2, instruction: "please label the kittens and the cats in this image", reviewer_notes: "x" });
    const v3 = Project.parse(await (await server.api("/v1/projects/kitten_labeling/setParams", { form: "instruction=only+this" })).json());
    expect(v3.param_history[3]).not.toHaveProperty("reviewer_notes");
    expect(v3.param_history[3].instruction).toBe("only this");
    const bad = await server.api("/v1/projects/kitten_labeling/setParams", { json: { instruction: 5 } });
    expect((await bad.json()).error).toContain("instruction: must be a string");
    expect((await server.api("/v1/projects/nope/setParams", { json: { instruction: "x" } })).status).toBe(404);
  });

  it("appends the latest instruction to tasks, or the chosen version, or none with -1", async () => {
    const body = { ...validBodies.annotation, instruction: "Box the cats.", project: "kitten_labeling" };
    const latest = Task.parse(await (await server.api("/v1/task/annotation", { json: body })).json());
    expect(latest.instruction).toBe("Box the cats.\n\nonly this");
    expect(latest.project).toBe("kitten_labeling");
    expect(latest.project_param_version).toBe(3);
    const v0 = Task.parse(await (await server.api("/v1/task/annotation", { json: { ...body, project_param_version: 0 } })).json());
    expect(v0.instruction).toBe("Box the cats.\n\nplease label the kittens in this image");
    const none = Task.parse(await (await server.api("/v1/task/annotation", { json: { ...body, project_param_version: -1 } })).json());
    expect(none.instruction).toBe("Box the cats.");
    const form = Task.parse(await (await server.api("/v1/task/annotation", { form: "attachment=http://127.0.0.1:9/a.jpg&objects_to_annotate=cat&callback_url=http://127.0.0.1:9/cb&project=kitten_labeling&project_param_version=1" })).json());
    expect(form.instruction).toBe("please label the kittens and the cats in this image");
  });

  it("refuses unknown projects, missing versions and projects of another type", async () => {
    const body = { ...validBodies.annotation, project: "nope" };
    expect((await (await server.api("/v1/task/annotation", { json: body })).json()).error).toContain('project: there is no project named "nope"');
    const missing = await server.api("/v1/task/annotation", { json: { ...body, project: "kitten_labeling", project_param_version: 9 } });
    expect((await missing.json()).error).toContain("project_param_version: project \"kitten_labeling\" has no version 9");
    await createProject({ type: "categorization", name: "sorting", params: { instruction: "Sort it." } });
    const wrongType = await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, project: "sorting" } });
    expect((await wrongType.json()).error).toContain("is a project of categorization tasks");
  });

  it("lets a project's instruction satisfy types that require one", async () => {
    const { instruction: _omit, ...body } = validBodies.categorization;
    const res = await server.api("/v1/task/categorization", { json: { ...body, project: "sorting" } });
    expect(res.status).toBe(200);
    expect(Task.parse(await res.json()).instruction).toBe("Sort it.");
  });
});
