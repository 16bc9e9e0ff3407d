"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { delayLongerThanDays, getNodeDefinition, isNodeKind, type ValidationError } from "@/engine";
import { useEditorActions, useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { useServerProblems } from "../model/server-problems";
import { updateNodeConfig } from "../model/graph-operations";
import { problemForField } from "../model/problem-index";
import { editorEventType, refitDefaults } from "../model/trigger-defaults";
import { ConfigField } from "./config-field";
import { fieldLayouts, type FieldSpec } from "./field-layouts";

type Values = Record<string, unknown>;
const noProblems: ValidationError[] = [];

/**
 * The selected step's settings. Every change goes straight to the canvas (and so to validation and
 * autosave); the form's own zod check marks fields as you type, the engine's check covers the rest.
 */
export function NodeConfigForm({ nodeId, kind, config }: { nodeId: string; kind: string; config: unknown }) {
  const { change } = useEditorActions();
  const readOnly = useEditorStore((state) => state.readOnly);
  const longestWaitDays = useEditorStore((state) => state.longestWaitDays);
  const eventType = useEditorStore((state) => state.eventType);
  const found = useEditorStore((state) => state.problems.byNode.get(nodeId) ?? noProblems);
  // What the server refused on publishing (a webhook address it can't reach) shows here, in the step.
  const fromServer = useServerProblems(useEditorStoreApi());
  const problems = useMemo(() => {
    const mine = fromServer.filter((problem) => problem.nodeId === nodeId);
    return mine.length === 0 ? found : [...found, ...mine];
  }, [found, fromServer, nodeId]);
  const definition = getNodeDefinition(kind);
  const { control, reset, subscribe, getValues, setValue, formState } = useForm<Values>({
    defaultValues: (config ?? {}) as Values,
    resolver: definition ? (zodResolver(definition.configSchema as never) as unknown as Resolver<Values>) : undefined,
    mode: "onChange",
  });
  const values = useWatch({ control }) as Values;
  const lastSent = useRef<unknown>(config);

  // Undo, redo or a restore changed the settings under the form: start again from them.
  useEffect(() => {
    if (config !== lastSent.current) {
      lastSent.current = config;
      reset((config ?? {}) as Values);
    }
  }, [config, reset]);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values: next, name }) => {
          // Only edits: a reset (after undo) has no field name and must not echo back as a new edit.
          if (!name) return;
          const copy = structuredClone(next);
          lastSent.current = copy;
          change(
            (graph) => {
              const updated = updateNodeConfig(graph, nodeId, copy);
              // A new trigger: steps still on their starting texts get ones that fit it ("Answered call from…").
              return kind === "trigger" && name === "eventType"
                ? refitDefaults(updated, editorEventType(graph), editorEventType(updated))
                : updated;
            },
            { mergeKey: `${nodeId}:${name}` },
          );
        },
      }),
    [change, kind, nodeId, subscribe],
  );

  if (!definition || !isNodeKind(kind)) {
    return <p className="text-sm text-muted-foreground">This step isn&apos;t available any more. Delete it and pick another one.</p>;
  }

  // Switching to a mode with extra settings fills them with sensible starting values.
  function onSelectChange(spec: FieldSpec, value: string) {
    if (spec.type !== "select" || !spec.emptyValues?.[value]) return;
    for (const [name, fallback] of Object.entries(spec.emptyValues[value]!)) {
      if (getValues(name) === undefined) setValue(name, fallback, { shouldDirty: true, shouldValidate: true });
    }
  }

  return (
    <form className="grid gap-4" onSubmit={(event) => event.preventDefault()} aria-label={`${definition.label} settings`}>
      <fieldset disabled={readOnly} className="grid gap-4">
        {fieldLayouts[kind]
          .filter((spec) => !spec.showIf || spec.showIf(values))
          .map((spec) => (
            <ConfigField
              key={spec.name}
              spec={spec}
              control={control}
              values={values}
              nodeId={nodeId}
              eventType={eventType}
              problem={(formState.errors[spec.name]?.message as string | undefined) ?? problemForField(problems, spec.name)}
              onSelectChange={onSelectChange}
            />
          ))}
        {kind === "action.delay" && longestWaitDays !== null && delayLongerThanDays(values, longestWaitDays) ? (
          <p role="note" className="rounded-md bg-warning/15 px-2 py-1.5 text-xs">
            This server runs workflows on Inngest, whose free plan holds one wait for at most {longestWaitDays} days. Shorten it, or make
            sure your Inngest plan allows longer sleeps.
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
