/**
 * The side effects a run can have, behind small interfaces so the executors do not care whether
 * a message goes to Twilio/Resend or to the outbox, and tests can point them at local stand-ins.
 */
export type SmsRequest = {
  organizationId: string;
  to: string;
  from: string;
  body: string;
  idempotencyKey: string;
  runId: string;
  nodeId: string;
};
export type SmsResult = { status: string; providerMessageId?: string; outboxId?: string };

export type EmailRequest = {
  organizationId: string;
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
  runId: string;
  nodeId: string;
};
export type EmailResult = { status: string; providerMessageId?: string; outboxId?: string };

export type WebhookRequest = {
  urls: string[];
  headers: Record<string, string>;
  payload: unknown;
  webhookId: string;
  secret: string;
  test?: boolean;
};

export type ExecutionProviders = {
  sendSms(request: SmsRequest): Promise<SmsResult>;
  sendEmail(request: EmailRequest): Promise<EmailResult>;
  /** Resolves with the deliveries when every URL answered 2xx; throws (permanent or not) otherwise. */
  deliverWebhook(request: WebhookRequest): Promise<unknown>;
  smsDailyLimit: number;
};
