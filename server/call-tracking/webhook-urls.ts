/** The addresses to paste into Twilio's console for a tracking number (same for every number). */
export function twilioWebhookUrls(appUrl: string) {
  return {
    /** "A call comes in" (HTTP POST). */
    voiceUrl: `${appUrl}/api/twilio/voice`,
    /** "Call status changes" (HTTP POST). */
    statusCallbackUrl: `${appUrl}/api/twilio/status`,
    /** Messaging: "A message comes in" (HTTP POST). */
    messagingUrl: `${appUrl}/api/twilio/sms`,
  };
}

export type TwilioWebhookUrls = ReturnType<typeof twilioWebhookUrls>;

export function twilioDialActionUrl(appUrl: string) {
  return `${appUrl}/api/twilio/dial-action`;
}

export function callRailEndpointUrl(appUrl: string, token: string) {
  return `${appUrl}/api/callrail/${token}`;
}
