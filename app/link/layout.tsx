import { CenteredShell } from "@/components/centered-shell";

export const metadata = { title: "Link your Omi account" };

export default function LinkLayout({ children }: { children: React.ReactNode }) {
  return <CenteredShell width="md">{children}</CenteredShell>;
}
