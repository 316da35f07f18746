import { MessagePage } from "@/app/_shared/message-page";

export default function ReadingNotFound() {
  return (
    <MessagePage title="Reading not found" back={{ href: "/", label: "Go to the library" }}>
      There is no reading at this address. It may have been renamed or removed.
    </MessagePage>
  );
}
