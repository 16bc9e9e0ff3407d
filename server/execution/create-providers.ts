import type { Database } from "@/db/client";
import type { AppConfig } from "../config/app-config";
import { createEmailSender } from "../email/email-sender";
import { createSmsSender } from "../sms/create-sms-sender";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import { assertDelivered, PermanentWebhookError } from "../webhooks/delivery-outcome";
import type { ExecutionProviders } from "./execution-providers";
import { PermanentStepError } from "./permanent-error";

/** The real providers, chosen from configuration: Twilio/Resend when configured, else the outbox. */
export function createExecutionProviders(config: AppConfig, db: Database): ExecutionProviders {
  const sendSms = createSmsSender(config.sms.kind === "twilio" ? config.sms : null, db);
  const sendEmail = createEmailSender(config.email, db);
  return {
    sendSms: (request) => sendSms(request),
    sendEmail: (request) =>
      sendEmail({
        organizationId: request.organizationId,
        category: "workflow",
        to: request.to,
        subject: request.subject,
        text: request.text,
        idempotencyKey: request.idempotencyKey,
      }),
    async deliverWebhook(request) {
      const { deliveries } = await deliverWebhook({
        urls: request.urls,
        extraHeaders: request.headers,
        payload: request.payload,
        webhookId: request.webhookId,
        secret: request.secret,
        allowPrivate: config.allowPrivateWebhookTargets,
        test: request.test,
      });
      try {
        assertDelivered(deliveries);
      } catch (error) {
        if (error instanceof PermanentWebhookError) {
          throw new PermanentStepError(error.message, "webhook_rejected", { deliveries });
        }
        throw error;
      }
      return { deliveries };
    },
    smsDailyLimit: config.smsDailyLimit,
  };
}
