/** The sign-in email: plain words, one link, and what to do if it was not you. */
export function magicLinkEmail(url: string, host: string) {
  return {
    subject: `Sign in to Switchboard`,
    text: [
      `Click the link below to sign in to Switchboard (${host}).`,
      "",
      url,
      "",
      "The link works once and expires in 24 hours. If you did not ask for it, you can ignore this email.",
    ].join("\n"),
    html: `<p>Click the button below to sign in to Switchboard (${host}).</p><p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#4f46e5;color:#fff;border-radius:6px;text-decoration:none">Sign in</a></p><p style="color:#666">The link works once and expires in 24 hours. If you did not ask for it, you can ignore this email.</p>`,
  };
}
