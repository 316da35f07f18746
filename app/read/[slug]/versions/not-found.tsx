import { MessagePage } from "@/app/_shared/message-page";

export default function VersionNotFound() {
  return (
    <MessagePage title="Version not found" back={{ href: "/", label: "Go to the library" }}>
      This reading has no such version, or the reading is not open to you.
    </MessagePage>
  );
}
