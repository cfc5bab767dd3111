import { CenteredShell } from "@/components/centered-shell";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <CenteredShell>{children}</CenteredShell>;
}
