import { useMemo, useState } from "react";
import { Link, useParams } from "@tanstack/react-router";
import { EditableCanvas, MaskUploadContext, type EditableTaskType, type EditorValidation, type UploadPng, type VectorAnnotation } from "../../canvas";
import { uploadFile } from "../../client";
import { sampleParams, TRY_TYPES } from "./samples";
import css from "./try.module.css";

/**
 * Try the editor: the edit canvas on a sample image with a chosen task type and params (edited
 * as JSON), showing the wire JSON it emits and what the shared validator says about it.
 */
export function TryPage() {
  const { type } = useParams({ from: "/try/$type" });
  if (!(TRY_TYPES as readonly string[]).includes(type)) {
    return (
      <div className={css.page}>
        <h1>Try the editor</h1>
        <p role="alert">
          “{type}” can't be edited on a canvas. Pick one of: <TypeLinks />
        </p>
      </div>
    );
  }
  return <TryType key={type} type={type as EditableTaskType} />;
}

const uploadPng: UploadPng = async (png) => (await uploadFile(png)).url;

function TypeLinks() {
  return (
    <>
      {TRY_TYPES.map((t, i) => (
        <span key={t}>
          {i > 0 && " · "}
          <Link to="/try/$type" params={{ type: t }}>
            {t}
          </Link>
        </span>
      ))}
    </>
  );
}

function TryType({ type }: { type: EditableTaskType }) {
  const initial = useMemo(() => JSON.stringify(sampleParams(type, window.location.origin), null, 2), [type]);
  const [text, setText] = useState(initial);
  // An answer to open (a response or a saved draft, e.g. the saved masks' JSON); empty for none.
  const [responseText, setResponseText] = useState("");
  const [applied, setApplied] = useState<{ params: unknown; response: unknown; version: number }>(() => ({ params: JSON.parse(initial), response: undefined, version: 0 }));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [output, setOutput] = useState<{ response: { annotations: VectorAnnotation[] }; validation: EditorValidation } | null>(null);

  const apply = () => {
    let params: unknown;
    try {
      params = JSON.parse(text);
    } catch (e) {
      return setJsonError(`Params are not valid JSON: ${(e as Error).message}`);
    }
    let response: unknown;
    try {
      response = responseText.trim() === "" ? undefined : JSON.parse(responseText);
    } catch (e) {
      return setJsonError(`The response is not valid JSON: ${(e as Error).message}`);
    }
    setApplied({ params, response, version: applied.version + 1 });
    setJsonError(null);
  };

  return (
    <div className={css.page}>
      <header className={css.header}>
        <h1>Try the editor: {type}</h1>
        <nav aria-label="Task types">
          <TypeLinks />
        </nav>
      </header>
      {/* Segmentation masks are saved through POST /v1/files (the canvas can't import the client). */}
      <MaskUploadContext.Provider value={uploadPng}>
        <EditableCanvas
          key={applied.version}
          taskType={type}
          params={applied.params}
          response={applied.response}
          height="calc(100vh - 260px)"
          onChange={(response, validation) => setOutput({ response, validation })}
        />
      </MaskUploadContext.Provider>
      <div className={css.columns}>
        <section>
          <h2>Params</h2>
          <textarea className={css.json} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-label="Params JSON" data-testid="params-json" />
          <details>
            <summary>Open an existing response</summary>
            <textarea
              className={css.json}
              value={responseText}
              onChange={(e) => setResponseText(e.target.value)}
              spellCheck={false}
              aria-label="Response JSON to start from"
              placeholder='{"annotations": …} — empty for a new document'
              data-testid="response-json"
            />
          </details>
          <div className={css.actions}>
            <button type="button" className="btn" onClick={apply} data-testid="apply-params">
              Apply (starts a new document)
            </button>
            {jsonError && (
              <span role="alert" className={css.error}>
                {jsonError}
              </span>
            )}
          </div>
        </section>
        <section>
          <h2>
            Wire response{" "}
            {output && type !== "segmentannotation" && (
              <span className={output.validation.ok ? css.ok : css.error} data-testid="wire-valid">
                {output.validation.ok ? "valid" : `${output.validation.issues.length} problems`}
              </span>
            )}
          </h2>
          <pre className={css.json} data-testid="wire-json">
            {type === "segmentannotation"
              ? "A segmentation response is the uploaded masks: paint, then “Save masks” in the panel beside the canvas."
              : output
                ? JSON.stringify(output.response, null, 2)
                : ""}
          </pre>
        </section>
      </div>
    </div>
  );
}
