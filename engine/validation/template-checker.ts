import type { EventType } from "../events/event-types";
import type { TemplateIssue } from "../templates/liquid";

/** Liquid's `checkTemplate`; `null` leaves templates unchecked (the editor, until liquidjs has loaded). */
export type TemplateChecker = ((template: string, eventType: EventType) => TemplateIssue[]) | null;
