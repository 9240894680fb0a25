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
// The page's one landmark: a screen reader lands on the calculator.
const main = document.createElement("main");
main.append(widget);
document.body.append(main);

// Any site may frame this page, so the message goes to any origin: it holds
// only a height, never anything typed. Where the browser sizes frames from
// their content (`frame-sizing`, with the meta tag in embed.html), it is
// told of each change too, and the host needs no script.
if (window.parent !== window) {
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, "*");
    if (typeof window.requestResize === "function") {
      try {
        window.requestResize();
      } catch {
        // Not framed by an <iframe> (an <object>, say): the fixed height stays.
      }
    }
  }).observe(document.documentElement);
}
