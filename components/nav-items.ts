import { Activity, AudioLines, BrainCircuit, CalendarDays, Bell, Inbox, ListChecks, Radio, Settings } from "lucide-react";

/** The dashboard's sections, in the order the navigation shows them. */
export const navItems = [
  { href: "/memories", label: "Memories", icon: Inbox },
  { href: "/action-items", label: "Action items", icon: ListChecks },
  // Omi's own "memories" (facts about the person), named apart from the hub's conversation memories.
  { href: "/about-you", label: "About you", icon: BrainCircuit },
  { href: "/live", label: "Live", icon: Radio },
  { href: "/audio", label: "Audio", icon: AudioLines },
  { href: "/calendar", label: "Calendar", icon: CalendarDays },
  { href: "/notifications", label: "Notifications", icon: Bell },
  { href: "/deliveries", label: "Deliveries", icon: Activity },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
