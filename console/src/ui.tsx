// Small shared pieces: form fields with labels, error banners, buttons with busy state.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, type UserError } from "./api";

export function Field(props: {
  label: string; name: string; type?: string; value: string; onInput: (v: string) => void;
  autocomplete?: string; required?: boolean; hint?: string; inputMode?: "numeric" | "text";
  error?: string | null;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} type={props.type ?? "text"} value={props.value}
        autocomplete={props.autocomplete ?? "off"} required={props.required}
        inputMode={props.inputMode} aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p class="field-error" role="alert">{props.error}</p>}
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string; name: string; value: T; options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  const id = `s-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as T)}>
        {props.options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

export function Banner(props: { error?: string | null; notice?: string | null }) {
  if (props.error) return <p class="banner error" role="alert">{props.error}</p>;
  if (props.notice) return <p class="banner notice" role="status">{props.notice}</p>;
  return null;
}

export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : "Something went wrong; try again.";
}

export function firstError(errors: UserError[]): string | null {
  return errors[0]?.message ?? null;
}

/** Runs an async action with a busy flag and an error message for the banner. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<string | null | void>) => {
    setBusy(true);
    setError(null);
    try {
      const problem = await fn();
      if (problem) setError(problem);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>{props.title}</h1>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}

export function when(value: string | null | undefined): string {
  if (!value) return "never";
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function money(value: string | number, currency = "USD"): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 2 })
    .format(Number(value));
}

export function downloadText(filename: string, text: string, type = "text/plain"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A list loaded once on mount, with its load error and a reload for after a change. */
export function useList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => load().then(setItems, (e) => setError(messageOf(e)));
  useEffect(() => { void reload(); }, []);
  return { items, error, reload };
}
