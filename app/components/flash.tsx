import type { Flash } from "~/lib/flash.server";

export function FlashNotice({ flash }: { flash: Flash }) {
  return (
    <div className={`notice notice-${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}
