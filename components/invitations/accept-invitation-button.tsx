"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";

export function AcceptInvitationButton({ token, organizationName }: { token: string; organizationName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: () => {
        toast.success(`Welcome to ${organizationName}`);
        router.push("/");
        router.refresh();
      },
    }),
  );
  return (
    <Button onClick={() => accept.mutate({ token })} disabled={accept.isPending} className="w-full">
      {accept.isPending ? "Joining…" : `Join ${organizationName}`}
    </Button>
  );
}
