// The iframe embed: embed.html?metric=churn_rate&lang=pl&currency=PLN&example=coffee&theme=dark
// shows that one widget (the query holds its attributes) and tells the page
// around it how tall it is, so a host that loads widget.js can fit the frame.

import "../widget.js";
import { RESIZE_MESSAGE } from "./frames.js";

const params = new URLSearchParams(location.search);
const widget = document.createElement("retention-calculator");
for (const name of customElements.get("retention-calculator").observedAttributes) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
document.body.append(widget);

// Any site may frame this page, so the message goes to any origin: it holds
// only a height, never anything typed.
if (window.parent !== window) {
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, "*");
  }).observe(document.documentElement);
}
