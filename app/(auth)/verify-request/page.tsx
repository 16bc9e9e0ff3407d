import { MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getAppConfig } from "@/server/config/app-config";
import { servesLocalMailbox } from "@/server/config/email-config";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function VerifyRequestPage() {
  const embedded = servesLocalMailbox(getAppConfig().email);
  return (
    <Card>
      <CardContent className="flex flex-col items-center gap-3 p-8 text-center">
        <div className="rounded-full bg-accent p-3 text-accent-foreground">
          <MailCheck className="size-6" aria-hidden />
        </div>
        <h1 className="text-lg font-semibold">Check your email</h1>
        <p className="text-sm text-muted-foreground">We sent you a sign-in link. It works once and expires in 24 hours.</p>
        {embedded ? (
          <Button asChild className="mt-2">
            <Link href="/mailbox">Open the local mailbox</Link>
          </Button>
        ) : null}
        <Link href="/sign-in" className="text-sm text-muted-foreground underline">
          Use a different email
        </Link>
      </CardContent>
    </Card>
  );
}
