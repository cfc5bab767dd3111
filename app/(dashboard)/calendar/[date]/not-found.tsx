import { CalendarX } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

/** No recap that day, or not one this account may see: the same answer either way. */
export default function RecapNotFound() {
  return (
    <EmptyState icon={<CalendarX className="size-8" aria-hidden />} title="No recap for this day">
      <p>Omi sends a recap only for days with conversations, and only to the account it belongs to.</p>
      <ButtonLink href="/calendar" variant="secondary" size="sm" className="mt-4">
        Back to the calendar
      </ButtonLink>
    </EmptyState>
  );
}
