import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Stats, Task, TaskList } from "../../schema";
import { startTestServer, type TestServer } from "../testing/harness";
import { newObjectId } from "../store/ids";
import type { Db } from "../store/db";

// The maintained counts (task_rollups, task_completion_rollups) against brute force: after a mixed
// sequence of every kind of task write (creates live and test, unique_id conflicts, concurrent
// creates and cancels, completions, errors, callback outcomes, audits, bulk rows written straight
// to the database, deletes), the rollup tables equal a recount of the tasks, and the list totals,
// pages and stats the API answers equal what a brute-force pass over every task gives.
// Runs on SQLite, and on PostgreSQL with DATABASE_URL (scripts/with-test-postgres.sh).

const DAY = 86_400_000;
const CB = "https://hooks.invalid/cb";
const body = (i: number, extra: Record<string, unknown> = {}) => ({
  callback_url: CB,
  instruction: "?",
  attachment_type: "text",
  attachment: `item ${i}`,
  categories: ["a", "b"],
  ...extra,
});

interface Row {
  id: string;
  account_id: string;
  mode: string;
  created_at: number;
  type: string;
  status: string;
  project: string | null;
  callback_succeeded: number | null;
  completed_at: number | null;
}

async function allTasks(db: Db): Promise<Row[]> {
  const rows = await db
    .selectFrom("tasks")
    .select(["id", "account_id", "mode", "created_at", "type", "status", "project", "callback_succeeded", "completed_at"])
    .execute();
  return rows.map((r) => ({ ...r, created_at: Number(r.created_at), completed_at: r.completed_at === null ? null : Number(r.completed_at) }));
}

/** The rollups recomputed from the tasks, in JS: key → [n, failed, ok, irregular]. */
function recount(rows: Row[]) {
  const rollups = new Map<string, number[]>();
  const completion = new Map<string, number>();
  for (const r of rows) {
    const day = Math.floor(r.created_at / DAY);
    const key = [r.account_id, r.mode, day, r.type, r.status, r.project ?? ""].join("|");
    const v = rollups.get(key) ?? [0, 0, 0, 0];
    v[0]++;
    if (r.callback_succeeded === 0) v[1]++;
    if (r.callback_succeeded === 1) v[2]++;
    if (r.id.slice(0, 8) !== Math.floor(r.created_at / 1000).toString(16).padStart(8, "0")) v[3]++;
    rollups.set(key, v);
    if (r.status === "completed" && r.completed_at !== null && r.completed_at >= r.created_at) {
      const bucket = Math.floor(Math.log(r.completed_at - r.created_at + 1) * 8);
      const ck = [r.account_id, r.mode, day, r.project ?? "", bucket].join("|");
      completion.set(ck, (completion.get(ck) ?? 0) + 1);
    }
  }
  return { rollups, completion };
}

async function stored(db: Db) {
  const rollups = new Map<string, number[]>();
  for (const r of await db.selectFrom("task_rollups").selectAll().execute()) {
    const v = [r.n, r.callback_failed, r.callback_ok, r.irregular_ids].map(Number);
    if (v.some((x) => x !== 0)) rollups.set([r.account_id, r.mode, r.day, r.type, r.status, r.project].join("|"), v);
  }
  const completion = new Map<string, number>();
  for (const r of await db.selectFrom("task_completion_rollups").selectAll().execute()) {
    if (Number(r.n) !== 0) completion.set([r.account_id, r.mode, r.day, r.project, r.bucket].join("|"), Number(r.n));
  }
  return { rollups, completion };
}

const sorted = <V>(m: Map<string, V>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));

describe("maintained counts match a brute-force recount", () => {
  let server: TestServer;
  let accountId: string;
  const live = (path: string, init: Parameters<TestServer["api"]>[1] = {}) => server.api(path, { key: server.liveKey, ...init });

  beforeAll(async () => {
    server = await startTestServer();
    accountId = (await server.db.selectFrom("accounts").select("id").executeTakeFirstOrThrow()).id;
    await live("/v1/projects", { json: { type: "categorization", name: "fruit", params: { instruction: "Fruit?" } } });
    await server.api("/v1/projects", { json: { type: "categorization", name: "fruit", params: { instruction: "Fruit?" } } });

    // Creates, live and test (test ones complete by themselves), in and out of a project.
    const liveIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await live("/v1/task/categorization", { json: body(i, i % 3 === 0 ? { project: "fruit" } : {}) });
      liveIds.push(Task.parse(await res.json()).task_id);
      await server.api("/v1/task/categorization", { json: body(i, i % 2 === 0 ? { project: "fruit" } : {}) });
    }
    // unique_id: the first is created, the repeat refused; concurrent repeats create one task.
    expect((await live("/v1/task/categorization", { json: body(100, { unique_id: "u-1" }) })).status).toBe(200);
    expect((await live("/v1/task/categorization", { json: body(101, { unique_id: "u-1" }) })).status).toBe(409);
    const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => live("/v1/task/categorization", { json: body(200 + i, { unique_id: "u-race" }) })));
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    // Concurrent creates and cancels (separate transactions at once on PostgreSQL).
    const concurrent = await Promise.all(Array.from({ length: 16 }, (_, i) => live("/v1/task/categorization", { json: body(300 + i) })));
    const concurrentIds = await Promise.all(concurrent.map(async (r) => Task.parse(await r.json()).task_id));
    await Promise.all(concurrentIds.slice(0, 8).map((id) => live(`/v1/task/${id}/cancel`, { method: "POST" })));
    // Completions by a person, a cancel, a refused cancel of a finished task.
    for (const id of liveIds.slice(0, 5)) expect((await live(`/v1/task/${id}/complete`, { json: { response: { category: "a" } } })).status).toBe(200);
    expect((await live(`/v1/task/${liveIds[5]}/cancel`, { method: "POST" })).status).toBe(200);
    expect((await live(`/v1/task/${liveIds[0]}/cancel`, { method: "POST" })).status).toBe(500);
    // Audits of completed tasks (they change no count, and must not break one).
    expect((await live(`/v1/task/${liveIds[0]}/audit`, { json: { accepted: true } })).status).toBe(200);
    expect((await live(`/v1/task/${liveIds[1]}/audit`, { json: { accepted: false, comments: "no" } })).status).toBe(200);
    // Callback outcomes and an error, as the dispatcher and the attachment checker write them.
    await server.db.updateTable("tasks").set({ callback_succeeded: 0 }).where("id", "in", liveIds.slice(0, 2)).execute();
    await server.db.updateTable("tasks").set({ callback_succeeded: 1 }).where("id", "=", liveIds[2]).execute();
    await server.db.updateTable("tasks").set({ callback_succeeded: 0 }).where("id", "=", liveIds[2]).execute();
    await server.db
      .updateTable("tasks")
      .set({ status: "error", response: '{"error":"x"}', completed_at: Date.now() })
      .where("id", "=", liveIds[6])
      .execute();

    // Older tasks written straight to the database (an import, a bulk seeder), over 40 days,
    // some with ids that do not begin with their creation second.
    const now = Date.now();
    const old = Array.from({ length: 400 }, (_, i) => {
      const created = now - Math.floor((i / 400) * 40 * DAY) - 3_600_000;
      const status = ["completed", "pending", "canceled", "error", "completed"][i % 5];
      return {
        id: i % 97 === 0 ? newObjectId(created - 5 * DAY) : newObjectId(created),
        account_id: accountId,
        mode: "live" as const,
        type: ["categorization", "annotation", "transcription"][i % 3],
        status,
        project: i % 4 === 0 ? "fruit" : null,
        project_param_version: null,
        instruction: "old",
        params: "{}",
        response: null,
        urgency: "standard",
        callback_url: CB,
        metadata: "{}",
        unique_id: null,
        created_at: created,
        completed_at: status === "completed" ? created + 1000 * (i + 1) : null,
        callback_succeeded: status === "completed" ? i % 3 === 0 ? 0 : 1 : null,
        sample_key: Math.random(),
        leased_until: null,
      };
    });
    for (let i = 0; i < old.length; i += 100) await server.db.insertInto("tasks").values(old.slice(i, i + 100)).execute();
    // The server's own checker may claim these pending tasks first (on PostgreSQL it polls): either mark stands.
    await server.db
      .insertInto("attachment_checks")
      .values(old.filter((t) => t.status === "pending").map((t) => ({ task_id: t.id, checked_at: now })))
      .onConflict((oc) => oc.column("task_id").doNothing())
      .execute();
    // Deletes, and an update that moves a task to another day and project.
    const gone = old.filter((t) => t.status === "canceled").slice(0, 10).map((t) => t.id);
    await server.db.deleteFrom("tasks").where("id", "in", gone).execute();
    await server.db.updateTable("tasks").set({ created_at: now - 20 * DAY, project: "fruit" }).where("id", "=", old[1].id).execute();
    // Test-mode completions run right after each create; wait until none is pending.
    for (let i = 0; i < 100; i++) {
      const pending = await server.db.selectFrom("tasks").select("id").where("mode", "=", "test").where("status", "=", "pending").executeTakeFirst();
      if (!pending) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(() => server.stop());

  it("keeps the rollup tables equal to a recount of the tasks", async () => {
    const rows = await allTasks(server.db);
    const want = recount(rows);
    const got = await stored(server.db);
    expect(sorted(got.rollups)).toEqual(sorted(want.rollups));
    expect(sorted(got.completion)).toEqual(sorted(want.completion));
    expect(rows.length).toBeGreaterThan(400);
  });

  it("answers exact totals and the same pages as a brute-force pass, for every filter", async () => {
    const rows = (await allTasks(server.db)).filter((r) => r.mode === "live");
    const newestFirst = [...rows].sort((a, b) => b.created_at - a.created_at || b.id.localeCompare(a.id));
    const now = Date.now();
    const t = (ms: number) => new Date(ms).toISOString();
    const someId = newestFirst[150].id;
    const cases: [string, (r: Row) => boolean][] = [
      ["", () => true],
      ["status=pending", (r) => r.status === "pending"],
      ["status=completed&type=categorization", (r) => r.status === "completed" && r.type === "categorization"],
      ["project=fruit", (r) => r.project === "fruit"],
      ["callback_succeeded=false", (r) => r.callback_succeeded === 0],
      ["callback_succeeded=true&project=fruit", (r) => r.callback_succeeded === 1 && r.project === "fruit"],
      [`start_time=${t(now - 10.5 * DAY)}`, (r) => r.created_at >= now - 10.5 * DAY],
      [`start_time=${t(now - 30.3 * DAY)}&end_time=${t(now - 2.7 * DAY)}&status=completed`, (r) => r.created_at >= now - 30.3 * DAY && r.created_at <= now - 2.7 * DAY && r.status === "completed"],
      [`start_time=${t(now - 5.2 * DAY)}&end_time=${t(now - 5.1 * DAY)}`, (r) => r.created_at >= now - 5.2 * DAY && r.created_at <= now - 5.1 * DAY],
      [`task_id=${someId.slice(0, 6)}`, (r) => r.id.startsWith(someId.slice(0, 6))],
      [`task_id=${someId.slice(0, 10)}`, (r) => r.id.startsWith(someId.slice(0, 10))],
      [`task_id=${someId}`, (r) => r.id === someId],
    ];
    const uniqueTask = TaskList.parse(await (await live("/v1/tasks?unique_id=u-1")).json());
    expect(uniqueTask.total).toBe(1);
    for (const [query, match] of cases) {
      const want = newestFirst.filter(match);
      for (const offset of [0, 37, 150, want.length - 3]) {
        if (offset < 0) continue;
        const res = await live(`/v1/tasks?${query}${query ? "&" : ""}limit=20&offset=${offset}`);
        expect(res.status, query).toBe(200);
        const page = TaskList.parse(await res.json());
        expect(page.total, `total of ${query}`).toBe(want.length);
        expect(page.docs.map((d) => d.task_id), `page of ${query} at ${offset}`).toEqual(want.slice(offset, offset + 20).map((r) => r.id));
        expect(page.has_more).toBe(offset + 20 < want.length);
      }
    }
  });

  it("answers id-prefix searches as a range of creation times when every id begins with its second", async () => {
    const rows = (await allTasks(server.db)).filter((r) => r.mode === "test");
    const newestFirst = [...rows].sort((a, b) => b.created_at - a.created_at || b.id.localeCompare(a.id));
    const id = newestFirst[3].id;
    for (const prefix of [id.slice(0, 1), id.slice(0, 7), id.slice(0, 8), id.slice(0, 9), "0", "ff"]) {
      const want = newestFirst.filter((r) => r.id.startsWith(prefix));
      const page = TaskList.parse(await (await server.api(`/v1/tasks?task_id=${prefix}&limit=5&offset=1`)).json());
      expect(page.total, prefix).toBe(want.length);
      expect(page.docs.map((d) => d.task_id)).toEqual(want.slice(1, 6).map((r) => r.id));
    }
  });

  it("answers stats equal to a brute-force pass, for ranges on and off day boundaries", async () => {
    const rows = (await allTasks(server.db)).filter((r) => r.mode === "live");
    const now = Date.now();
    const day0 = Math.floor(now / DAY) * DAY;
    const ranges: [number, number, string | undefined][] = [
      [now - 30 * DAY, now, undefined],
      [now - 90 * DAY, now, "fruit"],
      [day0 - 10 * DAY, day0 - 1, undefined],
      [now - 7.5 * DAY, now - 7.4 * DAY, undefined],
    ];
    for (const [start, end, project] of ranges) {
      const res = await live(`/v1/stats?start_time=${new Date(start).toISOString()}&end_time=${new Date(end).toISOString()}${project ? `&project=${project}` : ""}`);
      expect(res.status).toBe(200);
      const stats = Stats.parse(await res.json());
      // ISO times have millisecond precision, so the range is exactly [start, end].
      const inRange = rows.filter((r) => r.created_at >= start && r.created_at <= end && (!project || r.project === project));
      const count = (f: (r: Row) => boolean) => inRange.filter(f).length;
      expect(stats.totals).toEqual({
        all: inRange.length,
        pending: count((r) => r.status === "pending"),
        completed: count((r) => r.status === "completed"),
        canceled: count((r) => r.status === "canceled"),
        error: count((r) => r.status === "error"),
      });
      expect(stats.callback_failures).toBe(count((r) => r.callback_succeeded === 0));
      expect(stats.completion_ms.count).toBe(count((r) => r.status === "completed" && r.completed_at !== null && r.completed_at >= r.created_at));
      const perDay = new Map<string, number>();
      for (const r of inRange) {
        const k = `${new Date(r.created_at).toISOString().slice(0, 10)} ${r.type}`;
        perDay.set(k, (perDay.get(k) ?? 0) + 1);
      }
      expect(new Map(stats.per_day.map((d) => [`${d.day} ${d.type}`, d.count]))).toEqual(perDay);
    }
  });
});
