import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import net from "node:net";
import { REPO_ROOT } from "./repo-root";

// Server processes for tests that kill and restart them: `node --import tsx src/server/main.ts`,
// exactly what `npm start` runs after building the console, on 127.0.0.1 only.

/** `node --import tsx src/server/main.ts` from the repository's root, with exactly `env`. */
export function spawnServer(env: NodeJS.ProcessEnv, stdio: StdioOptions = "ignore"): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: REPO_ROOT, env, stdio });
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface ServerProcess {
  readonly port: number;
  readonly url: string;
  /** The running child, or null while it is down. */
  child: ChildProcess | null;
  start(): void;
  /** SIGKILL: no shutdown code runs, exactly like a crash or a pulled plug. */
  kill(): Promise<void>;
}

export function serverProcess(port: number, env: NodeJS.ProcessEnv): ServerProcess {
  const proc: ServerProcess = {
    port,
    url: `http://127.0.0.1:${port}`,
    child: null,
    start() {
      if (proc.child) return;
      const child = spawnServer({ ...env, PORT: String(port), HOST: "127.0.0.1" }, ["ignore", "ignore", "pipe"]);
      // Keep the last error lines, to explain a process that will not come up.
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      child.once("exit", (code, signal) => {
        if (proc.child === child) proc.child = null;
        if (signal !== "SIGKILL" && code !== 0 && stderr) console.error(`server on port ${port} exited (${code}): ${stderr}`);
      });
      proc.child = child;
    },
    async kill() {
      const child = proc.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
  return proc;
}
