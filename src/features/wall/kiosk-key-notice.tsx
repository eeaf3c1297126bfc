/** Shown on a wall opened from an old bookmark that carried the kiosk key as `?key=`, after the page moved it. */
export function KioskKeyNotice() {
  return (
    <section className="wall-notice" role="status" aria-label="Update this bookmark">
      <p className="wall-notice__title">Update this screen's bookmark</p>
      <p>
        Its address carried the kiosk key as ?key=, which the server and its logs see. The key now goes after
        #key=, which never leaves the browser: bookmark the address shown now, and ask for a new EM_KIOSK_KEY.
      </p>
    </section>
  )
}
