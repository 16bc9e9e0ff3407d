import { isNodeKind, type NodeKind } from "@/engine";

/** The drag payload type a palette item carries, so the canvas ignores unrelated drops (files, text). */
export const stepDragType = "application/x-switchboard-step";

export function startStepDrag(dataTransfer: DataTransfer, kind: NodeKind): void {
  dataTransfer.setData(stepDragType, kind);
  dataTransfer.effectAllowed = "copy";
}

export function isStepDrag(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(stepDragType);
}

export function droppedKind(dataTransfer: DataTransfer): NodeKind | null {
  const kind = dataTransfer.getData(stepDragType);
  return isNodeKind(kind) ? kind : null;
}
