import type { Metadata } from "next";
import { WorkflowEditor } from "@/components/workflow-editor/workflow-editor";
import { hasRole } from "@/lib/roles";
import { getAppConfig } from "@/server/config/app-config";
import { inngestLongestSleepDays } from "@/server/execution/inngest/inngest-limits";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Edit workflow" };

export default async function WorkflowEditorPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  const caller = await getServerCaller();
  // The draft comes with the page, so the editor need not wait for its JavaScript to start and then
  // ask for it. If it can't be read here, the editor asks again and explains what went wrong.
  const [organization, workflow] = await Promise.all([
    caller.organization.current(),
    caller.workflow.get({ workflowId }).catch(() => undefined),
  ]);
  return (
    <WorkflowEditor
      workflowId={workflowId}
      canEdit={hasRole(organization.role, "editor")}
      initialWorkflow={workflow}
      // Inngest's free plan holds one sleep for at most 7 days; the embedded executor has no such limit.
      longestWaitDays={getAppConfig().inngest.enabled ? inngestLongestSleepDays : null}
    />
  );
}
