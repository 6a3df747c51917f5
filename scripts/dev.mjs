// `npm run dev`: the server (API on PORT, default 8080) and Vite with hot reload in front of it.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "8080";
const server = spawn(process.execPath, ["--import", "tsx", "--watch", "src/server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
const vite = spawn(process.execPath, ["node_modules/vite/bin/vite.js"], {
  stdio: "inherit",
  env: { ...process.env, DEV_API_URL: `http://127.0.0.1:${port}` },
});
console.log(`\n  Console with hot reload: http://localhost:5173 (the API below runs on port ${port})\n`);
const stop = () => {
  server.kill();
  vite.kill();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", () => vite.kill());
vite.on("exit", () => server.kill());
