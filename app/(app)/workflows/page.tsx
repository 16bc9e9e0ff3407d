import { Upload } from "lucide-react";
import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ImportWorkflowDialog } from "@/components/workflows/import-workflow-dialog";
import { NewWorkflowDialog } from "@/components/workflows/new-workflow-dialog";
import { SimulateCallDialog } from "@/components/workflows/simulate-call-dialog";
import { WorkflowList } from "@/components/workflows/workflow-list";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const organization = await (await getServerCaller()).organization.current();
  const canEdit = hasRole(organization.role, "editor");
  return (
    <>
      <PageHeader
        title="Workflows"
        description="What happens when a call or text comes in."
        actions={
          canEdit ? (
            <>
              <SimulateCallDialog />
              <ImportWorkflowDialog
                trigger={
                  <Button variant="secondary">
                    <Upload aria-hidden /> Import
                  </Button>
                }
              />
              <NewWorkflowDialog />
            </>
          ) : null
        }
      />
      <WorkflowList canEdit={canEdit} />
    </>
  );
}
