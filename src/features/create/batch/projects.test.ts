import { describe, expect, it } from "vitest";
import type { Project } from "../../../schema";
import { contextForBody } from "./projects";

const project: Project = {
  type: "annotation",
  name: "cars",
  created_at: "2026-01-01T00:00:00.000Z",
  param_history: [
    { version: 0, created_at: "2026-01-01T00:00:00.000Z", instruction: "Old.", objects_to_annotate: ["car"] },
    { version: 1, created_at: "2026-01-02T00:00:00.000Z", instruction: "New.", objects_to_annotate: ["truck"], callback_url: "https://e.com/cb" },
  ],
};
const projects = new Map([["cars", project], ["gone", null]]);

describe("contextForBody", () => {
  it("picks the version the create route would: latest, a given one (a CSV string too), or none with -1", () => {
    expect(contextForBody({ project: "cars" }, "annotation", false, projects)).toEqual({
      hasDefaultCallback: true,
      inheritedParams: { objects_to_annotate: ["truck"], callback_url: "https://e.com/cb" },
      inheritedInstruction: "New.",
    });
    expect(contextForBody({ project: "cars", project_param_version: "0" }, "annotation", false, projects)).toMatchObject({
      hasDefaultCallback: false,
      inheritedParams: { objects_to_annotate: ["car"] },
      inheritedInstruction: "Old.",
    });
    expect(contextForBody({ project: "cars", project_param_version: -1 }, "annotation", false, projects)).toEqual({ hasDefaultCallback: false });
  });

  it("says why a project can't be used, in the server's words", () => {
    expect(contextForBody({ project: "gone" }, "annotation", true, projects).projectProblem).toBe('project: there is no project named "gone"');
    expect(contextForBody({ project: "cars" }, "categorization", true, projects).projectProblem).toBe('project: "cars" is a project of annotation tasks, not categorization');
    expect(contextForBody({ project: "cars", project_param_version: 7 }, "annotation", true, projects).projectProblem).toBe(
      'project_param_version: project "cars" has no version 7 (latest is 1)',
    );
  });
});
