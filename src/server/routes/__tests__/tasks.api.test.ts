import { afterAll, beforeAll, describe, expect, it } from "vitest";
import qs from "qs";
import { TASK_TYPES, Task, TaskList, ErrorBody } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { CALLBACK, invalidBodies, validBodies } from "../../testing/fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

async function expectError(res: Response, status: number, fragment: string) {
  const body = ErrorBody.parse(await res.json());
  expect(res.status, body.error).toBe(status);
  expect(body.status_code).toBe(status);
  expect(body.error).toContain(fragment);
}

describe.each(TASK_TYPES)("POST /v1/task/%s", (type) => {
  it("creates a task from a JSON body and answers 200 with the task object", async () => {
    const res = await server.api(`/v1/task/${type}`, { json: validBodies[type] });
    expect(res.status).toBe(200);
    const task = Task.parse(await res.json());
    expect(task.task_id).toMatch(/^[0-9a-f]{24}$/);
    expect(task.type).toBe(type);
    expect(task.status).toBe("pending");
    expect(task.callback_url).toBe(CALLBACK);
    expect(task.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(task.params).not.toHaveProperty("callback_url");
    expect(task.params).not.toHaveProperty("instruction");
    const fetched = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
    expect(fetched.task_id).toBe(task.task_id);
    expect(fetched.params).toEqual(task.params);
  });

  it("creates the same task from a form body", async () => {
    const json = await (await server.api(`/v1/task/${type}`, { json: validBodies[type] })).json();
    const form = qs.stringify(validBodies[type], { arrayFormat: "indices" });
    const res = await server.api(`/v1/task/${type}`, { form });
    expect(res.status).toBe(200);
    const task = Task.parse(await res.json());
    expect(task.params).toEqual(json.params);
    expect(task.instruction).toBe(json.instruction);
  });

  it.each(invalidBodies[type].map(([body, msg]) => [msg, body] as const))(
    "refuses a bad body with 400 naming the rule: %s",
    async (fragment, body) => {
      const before = TaskList.parse(await (await server.api("/v1/tasks?limit=1")).json()).total;
      await expectError(await server.api(`/v1/task/${type}`, { json: body }), 400, fragment);
      const after = TaskList.parse(await (await server.api("/v1/tasks?limit=1")).json()).total;
      expect(after).toBe(before);
    },
  );
});

describe("creation rules shared by every type", () => {
  it("answers 400 for an unknown type and names the known ones", async () => {
    await expectError(await server.api("/v1/task/dance", { json: {} }), 400, 'unknown task type "dance"');
  });

  it("requires callback_url when the account has no default, and uses the default when set", async () => {
    const { callback_url: _drop, ...body } = validBodies.annotation;
    await expectError(await server.api("/v1/task/annotation", { json: body }), 400, "callback_url: is required");
    const set = await server.api("/v1/account", { json: { default_callback_url: "ops@example.com" } });
    expect(set.status).toBe(200);
    const task = Task.parse(await (await server.api("/v1/task/annotation", { json: body })).json());
    expect(task.callback_url).toBe("ops@example.com");
    await server.api("/v1/account", { json: { default_callback_url: null } });
  });

  it("accepts an e-mail address as callback_url and refuses other strings", async () => {
    const ok = await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, callback_url: "me@example.com" } });
    expect(ok.status).toBe(200);
    await expectError(
      await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, callback_url: "javascript:alert(1)" } }),
      400,
      "callback_url: must be an http or https URL or an e-mail address",
    );
  });

  it("keeps metadata and urgency, and defaults them", async () => {
    const t1 = Task.parse(await (await server.api("/v1/task/annotation", { json: validBodies.annotation })).json());
    expect(t1.metadata).toEqual({});
    expect(t1.urgency).toBe("standard");
    const t2 = Task.parse(
      await (await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, urgency: "express", metadata: { video: "v1" } } })).json(),
    );
    expect(t2.urgency).toBe("express");
    expect(t2.metadata).toEqual({ video: "v1" });
    await expectError(
      await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, metadata: [1, 2] } }),
      400,
      "metadata: must be an object",
    );
  });

  it("rejects circular attribute conditions and label conditions on unknown labels", async () => {
    const attrs = {
      a: { description: "A?", choices: ["x"], conditions: { attribute_conditions: { b: "x" } } },
      b: { description: "B?", choices: ["x"], conditions: { attribute_conditions: [{ a: "x" }] } },
    };
    await expectError(
      await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, annotation_attributes: attrs } }),
      400,
      "circular attribute dependency: a → b → a",
    );
    const byLabel = { occ: { description: "?", choices: ["0%"], conditions: { label_condition: { label: ["bus"] } } } };
    await expectError(
      await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, annotation_attributes: byLabel } }),
      400,
      'label "bus" is not a leaf of objects_to_annotate',
    );
  });

  it("accepts nested labels to any depth with conditional attributes of every type", async () => {
    const body = {
      ...validBodies.annotation,
      objects_to_annotate: [
        { choice: "Vehicle", subchoices: ["Car", { choice: "Truck", subchoices: ["Pickup", "Semi"] }] },
        "Pedestrian",
      ],
      annotation_attributes: {
        occlusion: { description: "Occluded?", choices: ["0%", "50%"], conditions: { label_condition: { label: ["Car", "Semi"] } } },
        parked: { type: "category", description: "Parked?", choices: ["Yes", "No"] },
        speed: { type: "number", description: "km/h", min: 0, max: 200, conditions: { attribute_conditions: { parked: "No" } } },
        heading: { type: "angle", description: "Heading" },
      },
    };
    const res = await server.api("/v1/task/annotation", { json: body });
    expect(res.status).toBe(200);
    const task = Task.parse(await res.json());
    expect(task.params.objects_to_annotate).toEqual(body.objects_to_annotate);
    expect((task.params.annotation_attributes as Record<string, { type: string }>).occlusion.type).toBe("category");
  });

  it("refuses a body that is not an object", async () => {
    await expectError(await server.api("/v1/task/annotation", { json: [1, 2] }), 400, "must be a JSON object");
    const bad = await server.api("/v1/task/annotation", { body: "{nope", headers: { "content-type": "application/json" }, method: "POST" });
    await expectError(bad, 400, "not valid JSON");
  });

  it("answers 409 naming the existing task for a repeated unique_id, and creates nothing", async () => {
    const body = { ...validBodies.categorization, unique_id: "order-42" };
    const first = Task.parse(await (await server.api("/v1/task/categorization", { json: body })).json());
    expect(first.unique_id).toBe("order-42");
    const before = TaskList.parse(await (await server.api("/v1/tasks?limit=1")).json()).total;
    const again = await server.api("/v1/task/categorization", { json: body });
    expect(again.status).toBe(409);
    const err = await again.json();
    expect(err.error).toContain(first.task_id);
    expect(err.task_id).toBe(first.task_id);
    expect(TaskList.parse(await (await server.api("/v1/tasks?limit=1")).json()).total).toBe(before);
    // The official Python client finds the task this way after a retried create answered 409.
    const found = TaskList.parse(await (await server.api("/v1/tasks?unique_id=order-42")).json());
    expect(found.docs.map((t) => t.task_id)).toEqual([first.task_id]);
    // Another mode is another namespace.
    const live = await server.api("/v1/task/categorization", { json: body, key: server.liveKey });
    expect(live.status).toBe(200);
  });

  it("lets concurrent creates with one unique_id make exactly one task", async () => {
    const body = { ...validBodies.categorization, unique_id: "race-1" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => server.api("/v1/task/categorization", { json: body })));
    const codes = answers.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
  });
});

describe("task endpoints", () => {
  it("GET /v1/task/:id answers 404 for unknown and malformed ids", async () => {
    await expectError(await server.api("/v1/task/000000000000000000000000"), 404, "no task with task_id");
    await expectError(await server.api("/v1/task/nope"), 404, "no task");
  });

  it("cancels a pending task, and answers 500 for one that is not pending", async () => {
    // Live mode: nobody completes it, so it stays pending until canceled.
    const task = Task.parse(await (await server.api("/v1/task/categorization", { json: { ...validBodies.categorization, attachment_type: "text", attachment: "tomato" }, key: server.liveKey })).json());
    const res = await server.api(`/v1/task/${task.task_id}/cancel`, { method: "POST", key: server.liveKey });
    expect(res.status).toBe(200);
    expect(Task.parse(await res.json()).status).toBe("canceled");
    await expectError(await server.api(`/v1/task/${task.task_id}/cancel`, { method: "POST", key: server.liveKey }), 500, "only pending tasks can be canceled");
    await expectError(await server.api(`/v1/task/0123456789abcdef01234567/cancel`, { method: "POST" }), 404, "no task");
  });

  it("replaces metadata with setMetadata", async () => {
    const task = Task.parse(await (await server.api("/v1/task/annotation", { json: { ...validBodies.annotation, metadata: { a: 1 } } })).json());
    const res = await server.api(`/v1/task/${task.task_id}/setMetadata`, { json: { b: 2 } });
    expect(res.status).toBe(200);
    expect(Task.parse(await res.json()).metadata).toEqual({ b: 2 });
    await expectError(await server.api(`/v1/task/${task.task_id}/setMetadata`, { json: ["x"] }), 400, "metadata");
  });
});
