import { MessagePage } from "@/app/_shared/message-page";

export default function NotFound() {
  return (
    <MessagePage title="Page not found" back={{ href: "/", label: "Go to the library" }}>
      Nothing lives at this address.
    </MessagePage>
  );
}
