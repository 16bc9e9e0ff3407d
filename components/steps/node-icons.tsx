import { createElement } from "react";
import {
  CircleHelp,
  Clock,
  FormInput,
  Hash,
  Hourglass,
  Mail,
  MapPin,
  Megaphone,
  MessageSquare,
  MessageSquareText,
  Phone,
  PhoneMissed,
  Repeat,
  Tag,
  Tags,
  Timer,
  Webhook,
  Zap,
  type LucideIcon,
} from "lucide-react";

// Only the icons the catalogue names, so the editor doesn't ship all of lucide.
const icons: Record<string, LucideIcon> = {
  Clock,
  FormInput,
  Hash,
  Hourglass,
  Mail,
  MapPin,
  Megaphone,
  MessageSquare,
  MessageSquareText,
  Phone,
  PhoneMissed,
  Repeat,
  Tag,
  Tags,
  Timer,
  Webhook,
  Zap,
};

export function hasNodeIcon(name: string): boolean {
  return Object.hasOwn(icons, name);
}

/** A catalogue icon by its name, drawn as an element so components never define one while rendering. */
export function NodeIcon({ name, className }: { name: string | undefined; className?: string }) {
  return createElement((name && icons[name]) || CircleHelp, { className, "aria-hidden": true });
}
