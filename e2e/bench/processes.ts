import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

// What `bench:api` measures from outside: server processes (the real one and the bare insert
// route) started like `npm start` starts the server, and autocannon driving them over HTTP.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `entry` (a .ts file under the repo) with `env` and waits until `readyPath` answers 2xx–4xx. */
export async function startChild(entry: string, env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    // The request log is written (the server's default level), and thrown away.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (i > 1200) throw new Error(`${entry} did not come up in 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident memory of a process (MB), from /proc (Linux). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Runs autocannon; `requests` cycle per connection. Errors = connection errors, timeouts and non-2xx answers. */
export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  requests: { method: "GET" | "POST"; path: string; body?: string }[];
}): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: { ...opts.headers, "content-type": "application/json" },
    requests: opts.requests.map((r) => ({ method: r.method, path: r.path, body: r.body })),
    timeout: 30,
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
