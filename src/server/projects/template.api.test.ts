import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project, Task } from "../../schema";
import { startTestServer, type TestServer } from "../testing/harness";
import { CALLBACK, validBodies } from "../testing/fixtures";

// A project is a template: any param of its type, validated by the type's schema, inherited by each
// task that doesn't set it itself (the official Python client 1.x creates projects this way).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const IMAGE = "http://127.0.0.1:9/template.jpg";
const createProject = (body: unknown) => server.api("/v1/projects", { json: body });
const setParams = (name: string, body: unknown) => server.api(`/v1/projects/${name}/setParams`, { json: body });
const createTask = async (type: string, body: unknown) => {
  const res = await server.api(`/v1/task/${type}`, { json: body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const task = async (type: string, body: unknown) => {
  const res = await createTask(type, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Task.parse(res.body);
};
const errorOf = async (res: Response) => {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: string }).error;
};
const projectCount = async () => ((await (await server.api("/v1/projects")).json()) as unknown[]).length;
const taskCount = async () => ((await (await server.api("/v1/tasks?limit=1")).json()) as { total: number }).total;

describe("projects as templates", () => {
  it("creates a project with any params of its type (the Python client's JSON shape) and tasks inherit them", async () => {
    // scaleapi 1.x: create_project(name, task_type, params) posts {type, name, params} as JSON.
    const res = await createProject({
      type: "annotation",
      name: "cars",
      params: { instruction: "Box every car.", objects_to_annotate: ["car", "truck"], with_labels: "true", min_width: "12", urgency: "express" },
    });
    expect(res.status).toBe(200);
    // Stored as the task's schema reads them: form strings coerced, so the template shows typed values.
    expect(Project.parse(await res.json()).param_history[0]).toMatchObject({ objects_to_annotate: ["car", "truck"], with_labels: true, min_width: 12 });

    const t = await task("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "cars", instruction: "Only cars on the road." });
    expect(t.params).toMatchObject({ attachment: IMAGE, objects_to_annotate: ["car", "truck"], with_labels: true, min_width: 12, min_height: 0 });
    expect(t.instruction).toBe("Only cars on the road.\n\nBox every car.");
    expect(t.urgency).toBe("express");
    expect(t.project_param_version).toBe(0);
  });

  it("takes the template form-encoded too (params[key]=…, repeated keys as arrays)", async () => {
    const form =
      "type=annotation&name=form-template&params[instruction]=Box%20them&params[objects_to_annotate]=bus&params[objects_to_annotate]=tram" +
      `&params[with_labels]=true&params[callback_url]=${encodeURIComponent(CALLBACK)}`;
    const res = await server.api("/v1/projects", { form });
    expect(res.status).toBe(200);
    // No callback_url of its own: the project's is the default too.
    const t = await task("annotation", { attachment: IMAGE, project: "form-template" });
    expect(t.params).toMatchObject({ objects_to_annotate: ["bus", "tram"], with_labels: true });
    expect(t.callback_url).toBe(CALLBACK);
    expect(t.instruction).toBe("Box them");
  });

  it("lets a task override any inherited param, and validates the merged params", async () => {
    const t = await task("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "cars", objects_to_annotate: ["bicycle"], with_labels: false, urgency: "standard" });
    expect(t.params).toMatchObject({ objects_to_annotate: ["bicycle"], with_labels: false, min_width: 12 });
    expect(t.urgency).toBe("standard");
    // Without the project the same body lacks objects_to_annotate: the merge is what makes it valid.
    const alone = await createTask("annotation", { callback_url: CALLBACK, attachment: IMAGE });
    expect(alone.status).toBe(400);
    expect(alone.body.error).toMatch(/^objects_to_annotate: /);
    // A param the task gets wrong is refused even when the project has a good one.
    const before = await taskCount();
    const bad = await createTask("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "cars", min_width: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^min_width: /);
    expect(await taskCount()).toBe(before);
  });

  it("checks params that depend on each other on the merged task (label conditions against the project's labels)", async () => {
    const attributes = { occlusion: { description: "Occluded?", choices: ["no", "yes"], conditions: { label_condition: { label: "pedestrian" } } } };
    expect((await createProject({ type: "annotation", name: "conditions", params: { objects_to_annotate: ["car"], annotation_attributes: attributes } })).status).toBe(200);
    const refused = await createTask("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "conditions" });
    expect(refused.status).toBe(400);
    expect(String(refused.body.error)).toContain("pedestrian");
    const fixed = await task("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "conditions", objects_to_annotate: ["car", "pedestrian"] });
    expect(fixed.params.annotation_attributes).toEqual({ occlusion: { ...attributes.occlusion, type: "category" } });
  });

  it("picks a version with project_param_version, and -1 inherits nothing", async () => {
    expect((await setParams("cars", { objects_to_annotate: ["van"], patch: true })).status).toBe(200);
    expect((await setParams("cars", { instruction: "Fresh start.", min_height: 5 })).status).toBe(200);
    const history = Project.parse(await (await server.api("/v1/projects/cars")).json()).param_history;
    expect(history.map((h) => h.version)).toEqual([0, 1, 2]);
    // patch kept version 0's params beside the new labels; without patch version 2 is only what was sent.
    expect(history[1]).toMatchObject({ instruction: "Box every car.", objects_to_annotate: ["van"], with_labels: true, min_width: 12 });
    expect(history[2]).not.toHaveProperty("objects_to_annotate");

    const base = { callback_url: CALLBACK, attachment: IMAGE, project: "cars" };
    const v1 = await task("annotation", { ...base, project_param_version: 1 });
    expect(v1.params).toMatchObject({ objects_to_annotate: ["van"], min_width: 12 });
    expect(v1.project_param_version).toBe(1);
    const v0 = await task("annotation", { ...base, project_param_version: "0" });
    expect(v0.params.objects_to_annotate).toEqual(["car", "truck"]);
    const latest = await task("annotation", { ...base, objects_to_annotate: ["car"] });
    expect(latest.params).toMatchObject({ min_height: 5, min_width: 0, with_labels: false });
    expect(latest.instruction).toBe("Fresh start.");
    const none = await task("annotation", { ...base, objects_to_annotate: ["car"], project_param_version: -1, instruction: "Mine only." });
    expect(none.params).toMatchObject({ min_width: 0, min_height: 0, with_labels: false });
    expect(none.instruction).toBe("Mine only.");
    expect(none.urgency).toBe("standard");
    expect(none.project_param_version).toBe(-1);
    // -1 means the template's labels are not there either.
    const missing = await createTask("annotation", { ...base, project_param_version: -1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^objects_to_annotate: /);
  });

  it("refuses a bad template param with 400 naming it, and stores nothing", async () => {
    const before = await projectCount();
    const error = await errorOf(await createProject({ type: "annotation", name: "bad", params: { objects_to_annotate: ["a", "b", "c", "d", "e", "f", "g"], min_width: "wide" } }));
    expect(error).toContain("params.objects_to_annotate: you may include at most 6 objects");
    expect(error).toContain("params.min_width: must be an integer");
    expect(await projectCount()).toBe(before);
    // A param of another type is checked by that type: segmentation labels are not annotation's.
    const polygon = await errorOf(await createProject({ type: "polygonannotation", name: "bad-poly", params: { max_vertices: 0.5 } }));
    expect(polygon).toMatch(/^params\.max_vertices: /);
    // Fields that name one task can't be a template's.
    const unique = await errorOf(await createProject({ type: "annotation", name: "bad-unique", params: { unique_id: "x" } }));
    expect(unique).toMatch(/^params\.unique_id: belongs to one task/);
    expect(await projectCount()).toBe(before);

    const versions = async () => Project.parse(await (await server.api("/v1/projects/cars")).json()).param_history.length;
    const count = await versions();
    expect(await errorOf(await setParams("cars", { with_labels: "maybe", patch: true }))).toBe("with_labels: must be true or false");
    expect(await errorOf(await setParams("cars", { objects_to_annotate: [], patch: true }))).toBe("objects_to_annotate: must list at least one object");
    expect(await errorOf(await server.api("/v1/projects/cars/setParams", { form: "patch=true&min_height=-1" }))).toMatch(/^min_height: /);
    expect(await versions()).toBe(count);
  });

  it("inherits in every type: a categorization project holds the categories", async () => {
    const { categories, ...rest } = validBodies.categorization;
    expect((await createProject({ type: "categorization", name: "sorting", params: { categories } })).status).toBe(200);
    const t = await task("categorization", { ...rest, project: "sorting" });
    expect(t.params.categories).toEqual(categories);
  });
});

describe("annotation examples", () => {
  const example = { correct: true, image: "http://127.0.0.1:9/good.jpg", explanation: "Tight boxes around every car." };

  it("defaults to [] and keeps the Node client's {correct, image, explanation} (JSON)", async () => {
    const plain = await task("annotation", validBodies.annotation);
    expect(plain.params.examples).toEqual([]);
    const wrong = { correct: false, image: "http://127.0.0.1:9/bad.jpg" };
    const t = await task("annotation", { ...validBodies.annotation, examples: [example, wrong] });
    expect(t.params.examples).toEqual([example, wrong]);
    const fetched = Task.parse(await (await server.api(`/v1/task/${t.task_id}`)).json());
    expect(fetched.params.examples).toEqual([example, wrong]);
  });

  it("parses form-encoded examples[0][correct]=true as an array of objects with booleans", async () => {
    const form = [
      `callback_url=${encodeURIComponent(CALLBACK)}`,
      `attachment=${encodeURIComponent(IMAGE)}`,
      "objects_to_annotate=car",
      "examples[0][correct]=true",
      `examples[0][image]=${encodeURIComponent(example.image)}`,
      `examples[0][explanation]=${encodeURIComponent(example.explanation)}`,
      "examples[1][correct]=false",
      "examples[1][image]=http%3A%2F%2F127.0.0.1%3A9%2Fbad.jpg",
    ].join("&");
    const res = await server.api("/v1/task/annotation", { form });
    expect(res.status).toBe(200);
    expect(Task.parse(await res.json()).params.examples).toEqual([example, { correct: false, image: "http://127.0.0.1:9/bad.jpg" }]);
  });

  it("refuses a bad example naming it, and creates nothing", async () => {
    const before = await taskCount();
    const notUrl = await createTask("annotation", { ...validBodies.annotation, examples: [{ correct: true, image: "good.jpg" }] });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body.error).toBe("examples[0].image: must be an http or https URL");
    const notBool = await server.api("/v1/task/annotation", { form: `attachment=${encodeURIComponent(IMAGE)}&callback_url=${encodeURIComponent(CALLBACK)}&objects_to_annotate=car&examples[0][correct]=yes&examples[0][image]=${encodeURIComponent(IMAGE)}` });
    expect(await errorOf(notBool)).toBe("examples[0].correct: must be true or false");
    const notList = await createTask("annotation", { ...validBodies.annotation, examples: "none" });
    expect(notList.body.error).toBe("examples: must be an array");
    expect(await taskCount()).toBe(before);
  });

  it("can be a project's template param", async () => {
    expect((await createProject({ type: "annotation", name: "with-examples", params: { objects_to_annotate: ["car"], examples: [example] } })).status).toBe(200);
    const t = await task("annotation", { callback_url: CALLBACK, attachment: IMAGE, project: "with-examples" });
    expect(t.params.examples).toEqual([example]);
  });
});
