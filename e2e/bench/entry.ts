// The one benchmark page (bench.html?scenario=view|edit|mask): loads the scenario's module, which
// puts its functions on window for the Playwright spec to call.
const scenarios: Record<string, () => Promise<unknown>> = {
  view: () => import("./main"),
  edit: () => import("./edit-main"),
  mask: () => import("./mask-edit"),
};

const scenario = new URLSearchParams(location.search).get("scenario") ?? "view";
const load = scenarios[scenario];
if (!load) throw new Error(`no benchmark scenario "${scenario}" (one of ${Object.keys(scenarios).join(", ")})`);
void load();
export {};
