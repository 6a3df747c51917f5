// /create/:type — the form generated from the type's schema, the labeler's view beside it, and
// a sticky footer with Create and the count of open problems.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createTask, describeError, useAccount } from "../../client";
import { isTaskType, TASK_TYPES, taskTypeRegistry, type TaskType } from "../../schema";
import { PageHeader } from "../tasks";
import { clearDraft, loadDraft, saveDraft } from "./draft";
import { isBlank, setIn, type Body } from "./form/body";
import { CreateFormContext, type CreateFormContextValue } from "./form/context";
import { Field } from "./form/Field";
import { useInherited } from "./form/project";
import { validateBody } from "./form/validate";
import { fieldsOf } from "./form/walk";
import { WIDGETS } from "./form/widgets";
import { prefillFromTask } from "./prefill";
import { LabelerPreview } from "./preview/LabelerPreview";
import { sectionsOf } from "./sections";
import { ExtraPanels } from "./ExtraPanels";
import css from "./create.module.css";

export function CreatePage() {
  const { type } = useParams({ from: "/create/$type" });
  if (!isTaskType(type)) {
    return (
      <div className={css.page}>
        <PageHeader title="Create a task" />
        <p role="alert">
          “{type}” is not a task type. The types are:{" "}
          {TASK_TYPES.map((t, i) => (
            <span key={t}>
              {i > 0 && ", "}
              <Link to="/create/$type" params={{ type: t }}>
                {t}
              </Link>
            </span>
          ))}
          .
        </p>
      </div>
    );
  }
  return <CreateForm key={type} type={type} />;
}

function CreateForm({ type }: { type: TaskType }) {
  const search = useSearch({ from: "/create/$type" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const baseSpecs = useMemo(() => fieldsOf(type), [type]);
  const [body, setBody] = useState<Body>(() => loadDraft(type) ?? {});
  // Bumped when the body is replaced from outside (reset, prefill): controls rebuild their text.
  const [generation, setGeneration] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);

  const replaceBody = useCallback((next: Body) => {
    setBody(next);
    setTouched(new Set());
    setLocalErrors({});
    setGeneration((g) => g + 1);
  }, []);

  // ?from=<task> (Create similar) and ?project=<name> (New task on a project) fill the form once,
  // then leave the URL so that a reload keeps the edited draft rather than filling it again.
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || (!search.from && !search.project)) return;
    prefilled.current = true;
    const clearSearch = () => void navigate({ to: "/create/$type", params: { type }, search: {}, replace: true });
    if (search.from) {
      prefillFromTask(search.from)
        .then(({ task, body: next }) => {
          replaceBody(search.project ? { ...next, project: search.project } : next);
          setNotice({ error: false, text: `Filled from task ${task.task_id}${task.type !== type ? ` (a ${task.type} task: fields this type doesn't take are flagged)` : ""}.` });
          clearSearch();
        })
        .catch((e: unknown) => setNotice({ error: true, text: `Could not fill the form from task ${search.from}: ${describeError(e)}` }));
    } else if (search.project) {
      setBody((b) => ({ ...b, project: search.project }));
      setGeneration((g) => g + 1);
      setNotice({ error: false, text: `New task in project ${search.project}.` });
      clearSearch();
    }
  }, [search.from, search.project, type, navigate, replaceBody]);

  // Once the task is created the draft is done with: a save still pending must not bring it back.
  const created = useRef(false);
  useEffect(() => {
    const save = () => !created.current && saveDraft(type, body);
    const t = setTimeout(save, 250);
    // A reload or a closed tab within the pause still keeps the last keystroke.
    window.addEventListener("pagehide", save);
    return () => {
      clearTimeout(t);
      window.removeEventListener("pagehide", save);
    };
  }, [type, body]);

  const account = useAccount();
  const defaultCallbackUrl = account.data?.default_callback_url ?? null;
  const { inherited, problem: projectProblem } = useInherited(body, type);
  // Unknown (no permission to read the account): the server decides; don't claim it's required.
  const hasDefaultCallback = account.data ? defaultCallbackUrl !== null : true;
  const errors = useMemo(
    () => validateBody(type, body, { hasDefaultCallback, inheritedParams: inherited?.params, inheritedInstruction: inherited?.instruction, projectProblem }),
    [type, body, hasDefaultCallback, inherited, projectProblem],
  );
  // Without an account default, callback_url is required (the create route's rule, not the schema's).
  const sections = useMemo(
    () => sectionsOf(baseSpecs.map((f) => (f.name === "callback_url" && !hasDefaultCallback ? { ...f, required: true } : f))),
    [baseSpecs, hasDefaultCallback],
  );
  const localList = Object.values(localErrors);
  const problemCount = errors.count + localList.length;

  const setField = useCallback((name: string, value: unknown) => {
    setBody((b) => setIn(b, [name], value));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setServerError(null);
  }, []);
  const setLocalError = useCallback((key: string, message: string | null) => {
    setLocalErrors((cur) => {
      if (message === null) {
        if (!(key in cur)) return cur;
        const next = { ...cur };
        delete next[key];
        return next;
      }
      return cur[key] === message ? cur : { ...cur, [key]: message };
    });
  }, []);
  const context = useMemo<CreateFormContextValue>(
    () => ({ type, body, setField, setLocalError, inherited, defaultCallbackUrl }),
    [type, body, setField, setLocalError, inherited, defaultCallbackUrl],
  );

  const create = useMutation({
    mutationFn: () => createTask(type, body),
    onSuccess: (task) => {
      created.current = true;
      clearDraft(type);
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      void navigate({ to: "/tasks/$taskId", params: { taskId: task.task_id } });
    },
    onError: (e) => setServerError(describeError(e)),
  });

  const reset = () => {
    if (Object.keys(body).length && !window.confirm("Reset the form? Everything filled in for this task type is cleared.")) return;
    clearDraft(type);
    replaceBody({});
    setShowAll(false);
    setServerError(null);
    setNotice(null);
  };

  const visible = (name: string) => showAll || touched.has(name) || !isBlank(body[name]);
  const definition = taskTypeRegistry[type];
  const requestProblems = errors.byField[""] ?? [];

  return (
    <CreateFormContext.Provider value={context}>
      <div className={css.page}>
        <PageHeader
          title={`New task: ${definition.title}`}
          subtitle={
            <>
              <code>POST /v1/task/{type}</code> · <Link to="/create" className={css.inlineLink}>
                All task types
              </Link>
            </>
          }
        />
        {notice && (
          <p role={notice.error ? "alert" : "status"} className={notice.error ? css.error : css.notice}>
            {notice.text}
          </p>
        )}
        <div className={css.layout}>
          <form
            className={css.form}
            aria-label={`New ${type} task`}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (problemCount > 0) setShowAll(true);
              else create.mutate();
            }}
            key={generation}
          >
            {sections.map((section) => (
              <details key={section.id} className={css.section} open data-section={section.id}>
                <summary className={css.sectionTitle}>
                  {section.title}
                  <SectionBadge count={section.fields.reduce((n, f) => n + (errors.byField[f.name]?.length ?? 0), 0)} />
                </summary>
                <div className={css.sectionBody}>
                  {section.fields.map((spec) => (
                    <Field
                      key={spec.name}
                      spec={spec}
                      value={body[spec.name]}
                      onChange={(v) => setField(spec.name, v)}
                      errors={errors.byField[spec.name] ?? []}
                      showErrors={visible(spec.name)}
                      widget={WIDGETS[spec.name]}
                      inherited={
                        inherited && spec.name in inherited.params && isBlank(body[spec.name])
                          ? { value: inherited.params[spec.name], source: `project ${inherited.project} v${inherited.version}` }
                          : undefined
                      }
                    />
                  ))}
                </div>
              </details>
            ))}
            <ExtraPanels type={type} body={body} />
            <div className={css.footer} data-testid="create-footer">
              <div className={css.footerStatus}>
                {problemCount > 0 ? (
                  <button type="button" className={`btn btn-sm ${css.problemButton}`} onClick={() => setShowAll(true)} data-testid="problem-count" aria-describedby="create-problems">
                    {problemCount} {problemCount === 1 ? "problem" : "problems"}
                  </button>
                ) : (
                  <span className={css.ok} data-testid="problem-count">
                    Ready to create
                  </span>
                )}
                {serverError && (
                  <span role="alert" className={css.error} data-testid="server-error">
                    The server refused the task: {serverError}
                  </span>
                )}
              </div>
              <button type="button" className="btn btn-ghost" onClick={reset}>
                Reset form
              </button>
              <button type="submit" className="btn btn-primary" disabled={problemCount > 0 || create.isPending}>
                {create.isPending ? "Creating…" : "Create task"}
              </button>
            </div>
            {showAll && (requestProblems.length > 0 || localList.length > 0 || problemCount > 0) && (
              <ul id="create-problems" className={css.problemList} aria-label="Open problems">
                {[...Object.entries(errors.byField).flatMap(([, list]) => list), ...localList].map((m, i) => (
                  <li key={i} className={css.error}>
                    {m}
                  </li>
                ))}
              </ul>
            )}
          </form>
          <aside className={css.aside} aria-label="Preview">
            <LabelerPreview type={type} body={body} inherited={inherited} />
          </aside>
        </div>
      </div>
    </CreateFormContext.Provider>
  );
}

function SectionBadge({ count }: { count: number }) {
  if (!count) return null;
  return <span className={`badge badge-danger ${css.sectionBadge}`}>{count}</span>;
}
