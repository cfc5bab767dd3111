import { Activity, AudioLines, CalendarDays, Bell, Inbox, ListChecks, Radio, Settings } from "lucide-react";

/** The dashboard's sections, in the order the navigation shows them. */
export const navItems = [
  { href: "/memories", label: "Memories", icon: Inbox },
  { href: "/action-items", label: "Action items", icon: ListChecks },
  { href: "/live", label: "Live", icon: Radio },
  { href: "/audio", label: "Audio", icon: AudioLines },
  { href: "/calendar", label: "Calendar", icon: CalendarDays },
  { href: "/notifications", label: "Notifications", icon: Bell },
  { href: "/deliveries", label: "Deliveries", icon: Activity },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
