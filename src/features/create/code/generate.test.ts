import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { jsLiteral, pythonLiteral, rubyLiteral, rubyString, shellQuote } from "./literals";
import { toCurl, toFetch, toNodeClient, toPython, toRuby } from "./generate";

const tricky = [
  "plain",
  "it's a 'quoted' word",
  'double "quotes" and \\ backslash',
  "line one\nline two\ttab",
  "$HOME `uname` $(id) !! *",
  "#{system('id')} #@x #$y",
  "ünïcödé 🚗 — 車",
  "\u2028 separators \u2029",
];

const input = {
  taskType: "annotation" as const,
  baseUrl: "https://api.scaleapi.com/v1/",
  body: {
    instruction: "Draw a box around each **car**.\nDon't miss any.",
    attachment: "https://example.com/a.jpg",
    objects_to_annotate: [{ choice: "Vehicle", subchoices: ["Car", "Truck"] }, "Pedestrian"],
    with_labels: true,
    min_width: 30,
    metadata: { "key with spaces": "v", "kebab-key": null },
  },
};

describe("shellQuote", () => {
  it.each(tricky)("gives sh the exact string back: %j", (s) => {
    expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(s)}`], { encoding: "utf8" })).toBe(s);
  });
});

describe("language literals", () => {
  it("write JSON-equal values in JavaScript", () => {
    const value = { a: tricky, "b-c": { d: [1, 2.5, -3e-7, true, false, null] }, e: {}, f: [] };
    expect(new Function(`return ${jsLiteral(value)};`)()).toEqual(value);
  });

  it("quote keys that aren't identifiers and leave the rest bare", () => {
    expect(jsLiteral({ ok: 1, "not ok": 2 })).toBe('{\n  ok: 1,\n  "not ok": 2,\n}');
    expect(rubyLiteral({ ok: 1, "not ok": 2 })).toBe('{\n  ok: 1,\n  "not ok" => 2\n}');
  });

  it("write Python and Ruby keywords for null and booleans", () => {
    expect(pythonLiteral([null, true, false])).toBe("[\n    None,\n    True,\n    False,\n]");
    expect(rubyLiteral([null, true, false])).toBe("[\n  nil,\n  true,\n  false\n]");
  });

  it("escape Ruby interpolation", () => {
    expect(rubyString("#{x}")).toBe('"\\#{x}"');
  });
});

describe("generators", () => {
  it("cURL in the docs' style: -u key, JSON content type, the body as one quoted word", () => {
    const curl = toCurl(input);
    expect(curl.split("\n")[0]).toBe("curl 'https://api.scaleapi.com/v1/task/annotation' \\");
    expect(curl).toContain(`-u "$SCALE_API_KEY:"`);
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(curl).toContain(`Don'\\''t miss any`);
  });

  it("cURL with the key includes it quoted, never the placeholder", () => {
    const curl = toCurl({ ...input, apiKey: "live_abc" });
    expect(curl).toContain("-u 'live_abc:'");
    expect(curl).not.toContain("SCALE_API_KEY");
  });

  it("no language leaks the key unless asked", () => {
    for (const generate of [toCurl, toPython, toNodeClient, toFetch, toRuby]) {
      expect(generate(input)).not.toContain("live_");
      expect(generate({ ...input, apiKey: "live_secret" })).toContain("live_secret");
    }
  });

  it("Python uses the official client's create_task with TaskType, and the base URL when it isn't Scale's", () => {
    expect(toPython(input)).toContain("client.create_task(TaskType.Annotation, **payload)");
    expect(toPython(input)).toContain('scaleapi.ScaleClient("YOUR_API_KEY")');
    const local = toPython({ ...input, baseUrl: "http://localhost:8080/v1" });
    expect(local).toContain('api_instance_url="http://localhost:8080/v1"');
    const audio = toPython({ ...input, taskType: "audiotranscription" });
    expect(audio).toContain('client.api.post_request("task/audiotranscription", body=payload)');
  });

  it("the Node client calls the docs' per-type method and says when it can't reach this server", () => {
    expect(toNodeClient(input)).toContain("client.createAnnotationTask({");
    expect(toNodeClient({ ...input, taskType: "pointannotation" })).toContain("client.createPointannotationTask(");
    expect(toNodeClient(input)).not.toContain("fetch tab");
    expect(toNodeClient({ ...input, baseUrl: "http://localhost:8080/v1" })).toContain("use the fetch tab");
  });

  it("Ruby calls the gem's per-type method", () => {
    expect(toRuby(input)).toContain("scale.create_annotation_task({");
  });

  it("the JavaScript snippets parse", () => {
    for (const code of [toNodeClient(input), toFetch(input)]) {
      // An async function body accepts the fetch tab's top-level await.
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (src: string) => unknown;
      expect(() => new AsyncFunction(code.replace(/^const scaleapi = require\(.*$/m, ""))).not.toThrow();
    }
  });
});
