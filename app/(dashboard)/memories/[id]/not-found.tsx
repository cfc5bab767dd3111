import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export default function MemoryNotFound() {
  return (
    <EmptyState title="Memory not found">
      <p>It may have been deleted, or it belongs to another account.</p>
      <ButtonLink href="/memories" variant="secondary" size="sm" className="mt-4">
        Back to memories
      </ButtonLink>
    </EmptyState>
  );
}
