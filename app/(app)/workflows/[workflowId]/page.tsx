import type { Metadata } from "next";
import { WorkflowEditor } from "@/components/workflow-editor/workflow-editor";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Edit workflow" };

export default async function WorkflowEditorPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  const organization = await (await getServerCaller()).organization.current();
  return <WorkflowEditor workflowId={workflowId} canEdit={hasRole(organization.role, "editor")} />;
}
