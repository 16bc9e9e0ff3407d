// A real OpenID Connect provider (the `oidc-provider` package) for end-to-end tests:
// the app signs in through the full authorization-code flow against it.
// Its development login form accepts any login; the login becomes the user's email.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3101);
const appUrl = process.env.OIDC_APP_URL ?? "http://localhost:3100";

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: "switchboard-e2e",
      client_secret: "switchboard-e2e-secret",
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  cookies: { keys: ["e2e-only-cookie-key"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true } },
  // Put the email and name in the ID token itself, which is what Auth.js reads for OIDC.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    const email = id.includes("@") ? id : `${id}@example.test`;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: true, name: `SSO ${email.split("@")[0]}` };
      },
    };
  },
});
provider.proxy = true;

provider.listen(port, () => {
  console.log(`OIDC stand-in listening on http://localhost:${port}`);
});
