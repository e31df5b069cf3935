import { useEffect, useRef, useState } from "react";
import { analyseCsr, type CsrAnalyser, type CsrAnalysis } from "../lib/analyse-csr";
import type { CsrSource } from "../lib/read-csr-file";

export type AnalysisState =
  | { readonly status: "empty" }
  | { readonly status: "working"; readonly previous: CsrAnalysis | null }
  | { readonly status: "done"; readonly analysis: CsrAnalysis };

const DEBOUNCE_MS = 120;

/**
 * The live preview: re-analyses the CSR shortly after each change, in the browser. A result that
 * arrives after a newer input started is dropped, so the preview always matches the field.
 */
export function useCsrAnalysis(source: CsrSource, analyser: CsrAnalyser = analyseCsr): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ status: "empty" });
  const generation = useRef(0);
  useEffect(() => {
    const run = ++generation.current;
    const empty = source.kind === "text" ? source.text.trim() === "" : source.bytes.length === 0;
    if (empty) {
      setState({ status: "empty" });
      return;
    }
    setState((current) => ({
      status: "working",
      previous:
        current.status === "done" ? current.analysis : current.status === "working" ? current.previous : null,
    }));
    const timer = setTimeout(() => {
      const input = source.kind === "text" ? source.text : source.bytes;
      analyser(input).then(
        (analysis) => {
          if (generation.current === run) setState({ status: "done", analysis });
        },
        () => {
          if (generation.current === run) {
            setState({
              status: "done",
              analysis: {
                ok: false,
                error: { code: "CSR_UNPARSEABLE", message: "The CSR could not be read." },
              },
            });
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [source, analyser]);
  return state;
}
