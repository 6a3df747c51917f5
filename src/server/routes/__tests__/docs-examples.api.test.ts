import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project, Task, TaskList } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";

// Runs the docs' own curl examples (fixtures/docs-curl-examples.txt, copied verbatim) with the
// real curl binary. Only the host, the key, {task_id} and the callback host change: tests never
// reach the network, so the callback goes to a closed loopback port instead of www.example.com.
// Creation examples run with the test key: test mode never fetches attachments.

const examples = new Map<string, string>();
for (const block of fs.readFileSync(path.join(__dirname, "fixtures", "docs-curl-examples.txt"), "utf8").split(/^## /m).slice(1)) {
  const [name, ...lines] = block.split("\n");
  examples.set(name.trim(), lines.join("\n").trim());
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

// Asynchronous: the server runs in this process, so a blocking exec would starve it.
const exec = promisify(execFile);

async function runExample(name: string, key: string, vars: Record<string, string> = {}): Promise<unknown> {
  let command = examples.get(name);
  if (!command) throw new Error(`no example ${name}`);
  command = command
    .replaceAll("https://api.scaleapi.com", server.url)
    .replaceAll("{{ApiKey}}", key)
    .replaceAll("http://www.example.com/callback", "http://127.0.0.1:9/callback");
  for (const [k, v] of Object.entries(vars)) command = command.replaceAll(`{${k}}`, v);
  const { stdout } = await exec("bash", ["-c", `${command} --silent --show-error`], { encoding: "utf8" });
  return JSON.parse(stdout);
}

const callback_url = "http://127.0.0.1:9/callback";

/** What the docs show each creation example returning (their `params`, `instruction` and so on). */
const creations: [string, string, Record<string, unknown>][] = [
  ["annotation", "annotation", {
    instruction: "Draw a box around each **car** and **pedestrian**.",
    params: { with_labels: true, min_width: 30, min_height: 30, objects_to_annotate: ["car", "pedestrian"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg" },
  }],
  ["pointannotation", "pointannotation", {
    instruction: "Draw a point on every **headlight** and **brakelight** of a car in the image.",
    params: { with_labels: true, objects_to_annotate: ["headlight", "brakelight"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg" },
  }],
  ["lineannotation", "lineannotation", {
    instruction: "Annotate lines over all of the **lane lines** in the street-level image.",
    params: { with_labels: true, objects_to_annotate: ["solid line", "dashed line"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg" },
  }],
  // The docs' sample answer for cuboids shows other labels than its request sends; we check the request's.
  ["cuboidannotation", "cuboidannotation", {
    params: { objects_to_annotate: ["car", "pedestrian"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg", min_width: 30, min_height: 30 },
  }],
  ["polygonannotation", "polygonannotation", {
    instruction: "Draw a tight polygon around every **car** in the image.",
    params: { with_labels: true, objects_to_annotate: ["car", "truck"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg" },
  }],
  ["segmentannotation", "segmentannotation", {
    instruction: "Please segment the image using the given labels.",
    params: { allow_unlabeled: false, labels: ["background", "road", "vegetation", "lane marking"], instance_labels: ["vehicle", "pedestrian"], attachment_type: "image", attachment: "http://i.imgur.com/XOJbalC.jpg" },
  }],
  ["nested-labels", "annotation", {
    instruction: "Annotate the cars and pedestrians",
    metadata: { some_metadata: "some metadata" },
    params: {
      attachment: "https://i.imgur.com/VDPoOZE.jpg",
      attachment_type: "image",
      objects_to_annotate: [
        { choice: "Vehicle", subchoices: ["Car", "Truck", "Train", "Motorcycle"] },
        { choice: "Pedestrian", subchoices: ["Animal", "Adult", "Child"] },
      ],
      with_labels: false,
      min_width: 30,
      min_height: 30,
      annotation_attributes: {
        occlusion: {
          description: "What percent of the object is occluded?",
          choices: ["0%", "25%", "50%", "75%"],
          conditions: { label_condition: { label: ["Car", "Truck", "Motorcycle"] } },
        },
      },
    },
  }],
  ["categorization", "categorization", {
    instruction: "Is this company public or private?",
    params: { attachment_type: "website", attachment: "http://www.google.com/", categories: ["public", "private"] },
  }],
  ["comparison", "comparison", {
    instruction: "Do the objects in these images have the same pattern?",
    params: {
      choices: ["yes", "no"],
      attachment_type: "image",
      attachments: ["http://i.ebayimg.com/00/$T2eC16dHJGwFFZKjy5ZjBRfNyMC4Ig~~_32.JPG", "http://images.wisegeek.com/checkered-tablecloth.jpg"],
    },
  }],
  ["transcription", "transcription", {
    instruction: "Transcribe the given fields.",
    params: { fields: { title: "Title of Webpage", top_result: "Title of the top result" }, attachment: "http://news.ycombinator.com/", attachment_type: "website" },
  }],
];

describe("the docs' curl examples", () => {
  it.each(creations)("%s returns the object the docs show", async (name, type, expected) => {
    const task = Task.parse(await runExample(name, server.testKey));
    expect(task).toMatchObject({ type, status: "pending", urgency: "standard", callback_url, metadata: {}, ...expected });
    for (const key of ["task_id", "created_at", "callback_url", "type", "status", "instruction", "urgency", "params", "metadata"]) {
      expect(task).toHaveProperty(key);
    }
  });

  it("retrieves a task, and lists tasks in the docs' page shape", async () => {
    const created = Task.parse(await runExample("categorization", server.testKey));
    const fetched = Task.parse(await runExample("task-retrieve", server.testKey, { task_id: created.task_id }));
    expect(fetched.task_id).toBe(created.task_id);
    const page = TaskList.parse(await runExample("tasks-list", server.testKey));
    expect(page).toMatchObject({ limit: 100, offset: 0, has_more: false });
    expect(page.docs[0].task_id).toBe(created.task_id);
  });

  it("cancels a pending task (live mode: test tasks complete at once, as the official clients expect)", async () => {
    const res = await server.api("/v1/task/categorization", {
      key: server.liveKey,
      json: { callback_url, instruction: "Is this object big or small?", attachment_type: "text", attachment: "car", categories: ["big", "small"] },
    });
    const pending = Task.parse(await res.json());
    const canceled = Task.parse(await runExample("task-cancel", server.liveKey, { task_id: pending.task_id }));
    expect(canceled).toMatchObject({ task_id: pending.task_id, status: "canceled" });
  });

  it("creates, retrieves and updates a project as the docs show", async () => {
    const created = Project.parse(await runExample("project-create", server.testKey));
    expect(created).toMatchObject({
      type: "annotation",
      name: "kitten_labeling",
      param_history: [{ instruction: "please label the kittens in this image", version: 0 }],
    });
    const fetched = Project.parse(await runExample("project-get", server.testKey));
    expect(fetched).toEqual(created);
    const updated = Project.parse(await runExample("project-setParams", server.testKey));
    expect(updated.param_history).toMatchObject([
      { instruction: "please label the kittens in this image", version: 0 },
      { instruction: "please label the kittens and the cats in this image", version: 1 },
    ]);
  });
});
