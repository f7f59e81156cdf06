// The comment queue by keyboard: j/k move between comments, a/s/t decide on the current one.
// An external file, so it runs under the strict Content-Security-Policy.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const rows = Array.from(document.querySelectorAll("#result_list tbody tr"));
  if (!rows.length) return;
  let current = 0;
  const show = () => {
    rows.forEach((row, n) => row.classList.toggle("selected-by-key", n === current));
    rows[current].scrollIntoView({ block: "nearest" });
  };
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "j") current = Math.min(current + 1, rows.length - 1);
    else if (event.key === "k") current = Math.max(current - 1, 0);
    else {
      const button = rows[current].querySelector(`button[data-key="${event.key}"]`);
      if (button) { event.preventDefault(); button.click(); }
      return;
    }
    event.preventDefault();
    show();
  });
  show();
});
