import { roleLabels, type Role } from "@/lib/roles";

export function invitationEmail(input: { inviter: string; organization: string; role: Role; url: string }) {
  return {
    subject: `${input.inviter} invited you to ${input.organization} on Switchboard`,
    text: [
      `${input.inviter} invited you to join ${input.organization} on Switchboard as ${roleLabels[input.role]}.`,
      "",
      `Accept the invitation: ${input.url}`,
      "",
      "Sign in with this email address to accept. The invitation expires in 7 days.",
    ].join("\n"),
  };
}
