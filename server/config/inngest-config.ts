/** How workflows reach Inngest, if they do; `enabled: false` leaves them to the embedded executor. */
export type InngestConfig = { enabled: boolean; dev: boolean; baseUrl?: string; eventKey?: string; signingKey?: string };

export type InngestSettings = {
  nodeEnv: "development" | "test" | "production";
  /** `next build`: nothing runs, and the deployment's secrets are often not there yet. */
  isProductionBuild: boolean;
  /** INNGEST_DEV */
  dev: boolean;
  /** INNGEST_BASE_URL */
  baseUrl?: string;
  /** INNGEST_EVENT_KEY */
  eventKey?: string;
  /** INNGEST_SIGNING_KEY */
  signingKey?: string;
};

const inProcess = "or unset every INNGEST_ variable to run workflows in-process";

/**
 * Why a production server must not start with these settings, or null. Dev mode skips the
 * signature check on /api/inngest altogether. Outside it Inngest needs both keys: without the
 * signing key no call to /api/inngest can be verified, without the event key no run can be sent.
 */
function whyInngestCannotRunInProduction(settings: InngestSettings): string | null {
  if (settings.dev) {
    return `INNGEST_DEV is on in production, which turns off the signature check on /api/inngest: anyone could run workflow steps. Set INNGEST_DEV=false (or unset it) and set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY from Inngest Cloud, ${inProcess}.`;
  }
  const { eventKey, signingKey, baseUrl } = settings;
  if (eventKey && !signingKey) {
    return `INNGEST_EVENT_KEY is set without INNGEST_SIGNING_KEY, so no call from Inngest to /api/inngest could be verified. Set INNGEST_SIGNING_KEY too (Inngest Cloud → Manage → Signing Key), ${inProcess}.`;
  }
  if (signingKey && !eventKey) {
    return `INNGEST_SIGNING_KEY is set without INNGEST_EVENT_KEY, so no workflow run could be sent to Inngest. Set INNGEST_EVENT_KEY too (Inngest Cloud → Manage → Event Keys), ${inProcess}.`;
  }
  if (baseUrl && !eventKey) {
    return `INNGEST_BASE_URL is set without INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY. Set both keys for that Inngest server, or INNGEST_DEV=true for an Inngest Dev Server (development only), ${inProcess}.`;
  }
  return null;
}

/** The Inngest part of the configuration; throws, naming the variables, when the settings could not work. */
export function chooseInngestConfig(settings: InngestSettings): InngestConfig {
  const problem = settings.nodeEnv === "production" && !settings.isProductionBuild ? whyInngestCannotRunInProduction(settings) : null;
  if (problem) throw new Error(`Switchboard cannot start: ${problem}`);
  const { dev, baseUrl, eventKey, signingKey } = settings;
  return { enabled: Boolean(dev || baseUrl || eventKey), dev, baseUrl, eventKey, signingKey };
}
