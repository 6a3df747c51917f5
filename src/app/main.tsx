// No eval under the CSP: before any module parses with zod.
import "./csp";
// Base styles first, so each screen's CSS module (loaded with its component) can override them.
import "./theme.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { consumeKeyFromHash } from "../client";
import { App } from "./App";

// Take a `#key=...` sign-in link before the router reads the URL, so the key never reaches
// router state or history.
consumeKeyFromHash();

const root = document.getElementById("root");
if (!root) throw new Error("index.html must contain #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
